-- Order forms learned per sender (docs/intake.md): where each field of an order stands in a sender's mails and
-- scans, learned when a person confirms a corrected draft, used to fill the next draft from the same sender.
CREATE TABLE sender_template (
    sender     text        NOT NULL CHECK (length(sender) BETWEEN 3 AND 254),
    field      text        NOT NULL CHECK (field IN ('externalRef', 'name', 'company', 'street', 'postalCode', 'city',
                                                      'country')),
    label      text        NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    place      text        NOT NULL CHECK (place IN ('SAME_LINE', 'FIRST_WORD', 'NEXT_LINE')),
    learned_at timestamptz NOT NULL,
    PRIMARY KEY (sender, field)
);
