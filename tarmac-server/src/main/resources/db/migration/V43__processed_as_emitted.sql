-- Most entities come out of processing exactly as their parent emitted them. Their processed form is
-- then not stored a second time: processed_json stays NULL and processed_as_emitted says to read
-- unprocessed_json instead (NULL without the flag still means processing never succeeded). Rows
-- written before this keep both copies until their next change.
ALTER TABLE catalog_refresh_state ADD COLUMN processed_as_emitted BOOLEAN DEFAULT FALSE NOT NULL;
