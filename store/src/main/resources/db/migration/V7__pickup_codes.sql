-- Pickup codes are drawn from this sequence through a permutation of 000000-999999, so that codes
-- issued together are unique and do not look consecutive.
create sequence pickup_code_seq;
