-- What a hospital's local rule pack changed (local rule sets, threshold overrides, rule sets off per site), in
-- words, beside the rule-book version it is part of; null for a rule book built without one.
ALTER TABLE rule_book ADD COLUMN local_packs TEXT;
