-- The host's own tables: its clients and their visits, as a salon system keeps them.
CREATE SCHEMA IF NOT EXISTS salon;
CREATE TABLE IF NOT EXISTS salon.customers (
  id text PRIMARY KEY,
  first_name text NOT NULL,
  last_name text NOT NULL DEFAULT '',
  mobile text,
  email text,
  balance_pence integer NOT NULL DEFAULT 0,
  medical_note text,
  front_desk_note text
);
CREATE TABLE IF NOT EXISTS salon.visits (
  customer_id text NOT NULL REFERENCES salon.customers (id),
  arrived_at bigint NOT NULL
);

-- deskguard reads clients from deskguard.clients, with the keys it orders and searches by.
-- Two triggers keep it from the host's tables: the host's own writes stay as they are.
CREATE OR REPLACE FUNCTION salon.deskguard_client(customer salon.customers) RETURNS void LANGUAGE sql AS $$
  INSERT INTO deskguard.clients (business_id, id, name_key, record)
  SELECT 'lumen', customer.id,
    -- Names as deskguard folds them: accents and case aside.
    lower(regexp_replace(normalize(customer.first_name || ' ' || customer.last_name, NFD), '[\u0300-\u036f]', '', 'g')),
    jsonb_build_object(
      'id', customer.id,
      'name', trim(customer.first_name || ' ' || customer.last_name),
      'phone', customer.mobile,
      'email', customer.email,
      'balanceMinor', customer.balance_pence,
      'redAlert', customer.medical_note,
      'yellowAlert', customer.front_desk_note,
      'arrivals', coalesce((SELECT jsonb_agg(v.arrived_at ORDER BY v.arrived_at) FROM salon.visits v WHERE v.customer_id = customer.id), '[]'::jsonb))
  ON CONFLICT (business_id, id) DO UPDATE SET name_key = EXCLUDED.name_key, record = EXCLUDED.record;
$$;
CREATE OR REPLACE FUNCTION salon.customers_to_deskguard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM salon.deskguard_client(NEW); RETURN NEW; END $$;
CREATE OR REPLACE FUNCTION salon.visits_to_deskguard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM salon.deskguard_client(c) FROM salon.customers c WHERE c.id = NEW.customer_id; RETURN NEW; END $$;
CREATE OR REPLACE TRIGGER customers_to_deskguard AFTER INSERT OR UPDATE ON salon.customers
  FOR EACH ROW EXECUTE FUNCTION salon.customers_to_deskguard();
CREATE OR REPLACE TRIGGER visits_to_deskguard AFTER INSERT ON salon.visits
  FOR EACH ROW EXECUTE FUNCTION salon.visits_to_deskguard();
