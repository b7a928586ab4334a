/** @module Response schemas of the system routes: health, the demo outbox, and the local administration routes. */
import { Type, type Static } from 'typebox';
import { DateTime } from '../core/http/schemas.ts';

export const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  version: Type.String(),
});
export type Health = Static<typeof Health>;

const mailFields = { id: Type.String(), to: Type.String(), subject: Type.String(), text: Type.String(), createdAt: DateTime };
export const DemoMail = Type.Object(mailFields);
export type DemoMail = Static<typeof DemoMail>;
export const DemoMailList = Type.Object({ items: Type.Array(DemoMail) });
export const LocalMailList = Type.Object({ items: Type.Array(Type.Object({ ...mailFields, sentAt: Type.Union([DateTime, Type.Null()]) })) });
export const LocalMailQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) });

/** A gzipped tarball of the data folder, as `maille restore` loads it. */
export const Backup = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'a gzipped tarball of the data folder' });
