import { rmSync } from 'node:fs';
import { openDatabase, inTransaction } from './src/index';
rmSync('/tmp/b/e3.sqlite', { force: true });
const db = openDatabase('/tmp/b/e3.sqlite');
const N = 20000;
for (let rep = 0; rep < 2; rep++) {
  let t = performance.now();
  const st = db.sqlite.prepare("insert into entities (kind, name, description) values ('actor', ?, 'd') returning *");
  inTransaction(db, () => {
    for (let i = 0; i < N; i++) st.get(`N${rep} ${i}`);
  });
  console.log('returning', (((performance.now() - t) / N) * 1000).toFixed(1), 'µs');
  t = performance.now();
  const ins = db.sqlite.prepare("insert into entities (kind, name, description) values ('actor', ?, 'd')");
  const sel = db.sqlite.prepare('select * from entities where id = ?');
  inTransaction(db, () => {
    for (let i = 0; i < N; i++) sel.get(ins.run(`M${rep} ${i}`).lastInsertRowid);
  });
  console.log('run+select', (((performance.now() - t) / N) * 1000).toFixed(1), 'µs');
  t = performance.now();
  inTransaction(db, () => {
    for (let i = 0; i < N; i++) ins.run(`O${rep} ${i}`);
  });
  console.log('run', (((performance.now() - t) / N) * 1000).toFixed(1), 'µs');
}
