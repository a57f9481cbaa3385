// Prints, for each page given on the command line (.gz allowed), the element path and the text of
// every text node as parse5 builds the tree (scripting off, as onrecord parses): the reference side
// of the differential test. Output format: "#page NAME", then "PATH\tTEXT" lines, text JSON-escaped.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename } from 'node:path';
import { parse } from 'parse5';

function walk(node, path, out) {
    for (const child of node.childNodes || []) {
        if (child.nodeName === '#text') {
            out.push(path + '\t' + JSON.stringify(child.value));
        } else if (child.tagName) {
            walk(child, path ? path + '>' + child.tagName : child.tagName, out);
        }
    }
}

for (const file of process.argv.slice(2)) {
    let bytes = readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    const doc = parse(bytes.toString('utf8'), { scriptingEnabled: false });
    const out = ['#page ' + basename(file)];
    walk(doc, '', out);
    process.stdout.write(out.join('\n') + '\n');
}
