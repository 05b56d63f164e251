-- Portable SQL (H2 2.x and PostgreSQL 12+). Statements are separated by ';' at end of line.
-- Applied once the tables are filled: building an index over loaded rows is far cheaper than
-- updating it per insert, and each foreign key checks the loaded rows once. Indexes come first so
-- that a key whose columns match an index exactly (reviews.job_id) uses it; for the other keys H2
-- adds an index of its own, as it did when the keys were declared in CREATE TABLE.
CREATE INDEX ix_jobs_client_created ON jobs (client_id, created_at);
CREATE INDEX ix_jobs_status ON jobs (status);
CREATE INDEX ix_reviews_reviewed_created ON reviews (reviewed_id, created_at);
CREATE INDEX ix_reviews_reviewer_created ON reviews (reviewer_id, created_at);
CREATE INDEX ix_reviews_job ON reviews (job_id);
CREATE INDEX ix_payments_payer_created ON payments (payer_id, created_at);
CREATE INDEX ix_payments_payee_created ON payments (payee_id, created_at);

ALTER TABLE jobs ADD CONSTRAINT fk_jobs_client FOREIGN KEY (client_id) REFERENCES users (id);
ALTER TABLE reviews ADD CONSTRAINT fk_reviews_reviewer FOREIGN KEY (reviewer_id) REFERENCES users (id);
ALTER TABLE reviews ADD CONSTRAINT fk_reviews_reviewed FOREIGN KEY (reviewed_id) REFERENCES users (id);
ALTER TABLE reviews ADD CONSTRAINT fk_reviews_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE SET NULL;
ALTER TABLE payments ADD CONSTRAINT fk_payments_payer FOREIGN KEY (payer_id) REFERENCES users (id);
ALTER TABLE payments ADD CONSTRAINT fk_payments_payee FOREIGN KEY (payee_id) REFERENCES users (id);
ALTER TABLE payments ADD CONSTRAINT fk_payments_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE SET NULL;
