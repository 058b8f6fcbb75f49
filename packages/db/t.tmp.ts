import { rmSync } from 'node:fs';
import { openDatabase, createEntity, inTransaction } from './src/index';
rmSync('/tmp/b/e.sqlite', { force: true });
const db = openDatabase('/tmp/b/e.sqlite');
let t = performance.now();
inTransaction(db, () => {
  for (let i = 0; i < 2000; i++)
    createEntity(db, { kind: 'actor', name: `Name ${i}`, description: 'd' }, [`Alias ${i}`, `Other ${i}`]);
});
console.log('createEntity x2000', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
const st = db.sqlite.prepare("insert into entities (kind, name, description) values ('actor', ?, 'd')");
inTransaction(db, () => {
  for (let i = 0; i < 2000; i++) st.run(`N2 ${i}`);
});
console.log('raw insert x2000', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
inTransaction(db, () => {
  for (let i = 0; i < 2000; i++) db.sqlite.prepare('select 1').get();
});
console.log('prepare x2000', (performance.now() - t).toFixed(0), 'ms');
