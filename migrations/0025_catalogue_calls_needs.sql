-- Key figures and regional needs are cached by the catalogue's data version: a change of a call (its
-- targets, a new call) or of a région's needs bumps it too (no label touched: nothing of the index is rebuilt).
CREATE TRIGGER "catalogue_calls_changed" AFTER INSERT OR UPDATE OR DELETE ON "calls" FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();--> statement-breakpoint
CREATE TRIGGER "catalogue_needs_changed" AFTER INSERT OR UPDATE OR DELETE ON "regional_needs" FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();
