import { rmSync } from 'node:fs';
import { openDatabase, inTransaction, entities } from './src/index';
rmSync('/tmp/b/e2.sqlite', { force: true });
const db = openDatabase('/tmp/b/e2.sqlite');
let t = performance.now();
inTransaction(db, () => {
  for (let i = 0; i < 2000; i++)
    db.orm
      .insert(entities)
      .values({ kind: 'actor', name: `Name ${i}`, description: 'd' })
      .returning()
      .get();
});
console.log('drizzle insert returning x2000', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
inTransaction(db, () => {
  for (let i = 0; i < 2000; i++)
    db.orm
      .insert(entities)
      .values({ kind: 'actor', name: `M ${i}`, description: 'd' })
      .run();
});
console.log('drizzle insert run x2000', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
const st = db.sqlite.prepare("insert into entities (kind, name, description) values ('actor', ?, 'd') returning *");
inTransaction(db, () => {
  for (let i = 0; i < 2000; i++) st.get(`N2 ${i}`);
});
console.log('raw returning x2000', (performance.now() - t).toFixed(0), 'ms');
