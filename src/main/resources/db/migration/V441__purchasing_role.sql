-- Issue 17: buyers get a role of their own (PURCHASING, docs/purchasing.md#who-may-call-what), for API keys and for
-- people; allow_values (V399) keeps every role allowed before.
SELECT allow_values('api_key', 'role', 'PURCHASING');
SELECT allow_values('users', 'role', 'PURCHASING');
