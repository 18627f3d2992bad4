// A host whose clients live in its own tables (schema.sql). deskguard keeps its own records
// (logins, groups, logs, the audit) in its schema and reads clients from deskguard.clients,
// which the host's triggers keep from salon.customers. One part is the host's: a client
// signed in at the desk is a visit, recorded in the host's own salon.visits.
import { PostgresAlerts, PostgresStorage } from 'deskguard/server/postgres';

class SalonAlerts extends PostgresAlerts {
  async saveResolution(logs, arrival) {
    const written = await super.saveResolution(logs, null);
    if (arrival)
      await this.db.query('INSERT INTO salon.visits (customer_id, arrived_at) VALUES ($1, $2)', [
        arrival.clientId,
        arrival.at,
      ]);
    return written;
  }
}

export function openSalonStorage(db, businessId) {
  return PostgresStorage.open(db, { businessId, parts: { alerts: (tx, id) => new SalonAlerts(tx, id) } });
}
