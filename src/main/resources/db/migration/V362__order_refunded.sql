-- ordering: what went back to the customer, beside what was received (paid). A change that raises the total of an
-- order after a refund was paid out must see that only paid - refunded was kept; before, it compared the new
-- total with everything ever received and found nothing due.
ALTER TABLE customer_order ADD COLUMN refunded numeric(19,4) NOT NULL DEFAULT 0;
UPDATE customer_order o SET refunded = r.total
FROM (SELECT order_id, sum(amount) AS total FROM payment WHERE kind = 'REFUND' AND status = 'BOOKED'
      GROUP BY order_id) r
WHERE r.order_id = o.id;
