-- A shop's update of an order placed before that waits for a person is a kind of its own: it is applied by hand and
-- resolved, never confirmed as a new order (docs/channels.md, "Changes, cancellations and payments").
SELECT allow_values('review_entry', 'kind', 'SHOP_UPDATE');
