/**
 * A build plugin that collapses each line break and the indentation around it to one
 * space inside the kit's `html` and `css` templates. HTML and CSS treat the two alike,
 * and a host's minifier never touches template text, so the indentation would ship.
 * In `css` templates it also drops comments, the spaces around `{ } ; , >` and after a
 * declaration's colon, which CSS ignores (the kit's styles have no strings holding those
 * characters).
 */
import ts from 'typescript';

const TAGS = new Set(['html', 'css']);

function collapse(code, fileName) {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const t = node.template;
      const pieces = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const piece of pieces) {
        // Text sits between the opening ` or } and the closing ` or ${.
        const start = piece.getStart(source) + 1;
        const end =
          piece.getEnd() -
          (piece.kind === ts.SyntaxKind.TemplateHead || piece.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        let text = code.slice(start, end).replace(/\s*\n\s*/g, ' ');
        if (node.tag.text === 'css')
          text = text
            .replace(/\/\*.*?\*\//gs, '')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}');
        edits.push([start, end, text]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

export function collapseTemplateWhitespace() {
  return {
    name: 'deskguard:collapse-template-whitespace',
    transform(code, id) {
      if (!/\/src\/.*\.[jt]s$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return { code: collapse(code, id), map: null };
    },
  };
}
