/** Columns every table of stored uploads carries: what was sent, what the bytes really are, where they are kept. */
import { text, integer } from 'drizzle-orm/pg-core';

/** Fresh column builders for a table of stored files (drizzle needs new builders per table). */
export function storedFileColumns() {
  return {
    fileName: text('file_name').notNull(),
    /** Type judged from the bytes (pdf, png, jpeg, odt, ods, docx, xlsx). */
    detectedType: text('detected_type').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
  };
}
