/**
 * Reaching into the app's IndexedDB from a test page with the raw IndexedDB
 * API, to put storage into the states a crash or a bad disk leaves behind:
 * a damaged log record, a torn checkpoint, a checkpoint written but not yet
 * pruned after. The app's worker is idle while this runs (no writes, no
 * background checkpoint due), and the page is closed before the app reopens.
 */
import type { Page } from 'playwright-core';

/**
 * Runs `body` (source of an async function taking the open IDBDatabase) inside the page. The whole
 * call is one expression evaluated by the test driver, so the app's content security policy (no
 * eval, no new Function in the page) does not stop it; `arg` is written into it as JSON.
 */
async function withIdb<T>(page: Page, body: string, arg?: unknown): Promise<T> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('bake-planner');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const done = (tx) =>
      new Promise((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const req = (r) =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    try {
      return await (${body})(db, req, done, ${JSON.stringify(arg ?? null)});
    } finally {
      db.close();
    }
  })()`) as Promise<T>;
}

/** Flips one byte in the middle of log record `seq`'s payload, keeping its checksum: a bit rot. */
export function corruptLogRecord(page: Page, seq: number): Promise<void> {
  return withIdb(
    page,
    `async (db, req, done, seq) => {
      const tx = db.transaction('log', 'readwrite');
      const store = tx.objectStore('log');
      const record = await req(store.get(seq));
      const payload = new Uint8Array(record.payload);
      payload[payload.length >> 1] ^= 0x20;
      store.put({ ...record, payload });
      await done(tx);
    }`,
    seq,
  );
}

/** Cuts the newest checkpoint's image in half (a Blob, or bytes as earlier builds stored it), as a write interrupted mid-way would leave it. */
export function tearNewestCheckpoint(page: Page): Promise<number> {
  return withIdb(
    page,
    `async (db, req, done) => {
      const read = db.transaction(['checkpoints', 'images'], 'readonly');
      const metas = await req(read.objectStore('checkpoints').getAll());
      const newest = metas.sort((a, b) => b.upToSeq - a.upToSeq)[0];
      const { image } = await req(read.objectStore('images').get(newest.id));
      await done(read);
      // A Blob's half is copied out first: a slice of the very Blob its put replaces would have no bytes left.
      const torn = image instanceof Blob ? new Blob([await image.slice(0, image.size >> 1).arrayBuffer()]) : image.slice(0, image.length >> 1);
      const write = db.transaction('images', 'readwrite');
      write.objectStore('images').put({ id: newest.id, image: torn });
      await done(write);
      return newest.id;
    }`,
  );
}

/** Copies every checkpoint and log record into page memory (window.__saved), to put back later. */
export function saveStores(page: Page): Promise<void> {
  return withIdb(
    page,
    `async (db, req, done) => {
      const tx = db.transaction(['checkpoints', 'images', 'log'], 'readonly');
      window.__saved = {
        checkpoints: await req(tx.objectStore('checkpoints').getAll()),
        images: await req(tx.objectStore('images').getAll()),
        log: await req(tx.objectStore('log').getAll()),
      };
      await done(tx);
    }`,
  );
}

/** Puts back every saved record that has since been pruned: the state of a crash just before pruning. */
export function restorePruned(page: Page): Promise<{ checkpoints: number; log: number }> {
  return withIdb(
    page,
    `async (db, req, done) => {
      const saved = window.__saved;
      const tx = db.transaction(['checkpoints', 'images', 'log'], 'readwrite');
      let checkpoints = 0, log = 0;
      for (const meta of saved.checkpoints) {
        if (await req(tx.objectStore('checkpoints').get(meta.id))) continue;
        tx.objectStore('checkpoints').put(meta);
        tx.objectStore('images').put(saved.images.find((i) => i.id === meta.id));
        checkpoints++;
      }
      for (const record of saved.log) {
        if (await req(tx.objectStore('log').get(record.seq))) continue;
        tx.objectStore('log').put(record);
        log++;
      }
      await done(tx);
      return { checkpoints, log };
    }`,
  );
}

export function countRecords(page: Page): Promise<{ checkpoints: number; log: number; quarantine: number }> {
  return withIdb(
    page,
    `async (db, req, done) => {
      const tx = db.transaction(['checkpoints', 'log', 'quarantine'], 'readonly');
      const result = {
        checkpoints: await req(tx.objectStore('checkpoints').count()),
        log: await req(tx.objectStore('log').count()),
        quarantine: await req(tx.objectStore('quarantine').count()),
      };
      await done(tx);
      return result;
    }`,
  );
}

/**
 * Rewrites every checkpoint image as earlier builds stored it: the bytes themselves, not a Blob.
 * Returns how many were stored as Blobs before. (The bytes are read between two transactions:
 * waiting for a Blob inside one would end it.)
 */
export function storeImagesAsBytes(page: Page): Promise<number> {
  return withIdb(
    page,
    `async (db, req, done) => {
      const read = db.transaction('images', 'readonly');
      const images = await req(read.objectStore('images').getAll());
      await done(read);
      const blobs = images.filter((i) => i.image instanceof Blob);
      const bytes = await Promise.all(blobs.map(async (i) => ({ id: i.id, image: new Uint8Array(await i.image.arrayBuffer()) })));
      const write = db.transaction('images', 'readwrite');
      for (const record of bytes) write.objectStore('images').put(record);
      await done(write);
      return blobs.length;
    }`,
  );
}

/** The answers the worker remembered for the next cold start (src/worker/remembered-answers.ts): key and seq. */
export function rememberedAnswers(page: Page): Promise<{ key: string; seq: number }[]> {
  return withIdb(
    page,
    `async (db, req) => {
      if (!db.objectStoreNames.contains('answers')) return [];
      const all = await req(db.transaction('answers').objectStore('answers').getAll());
      return all.map((a) => ({ key: a.key, seq: a.seq }));
    }`,
  );
}
