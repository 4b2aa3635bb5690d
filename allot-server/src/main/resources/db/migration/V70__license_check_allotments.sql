-- The license check recounts each allotment's figures too (issue 19): a difference of a pool's figures, or of users
-- waiting for a pool that has a seat free, names the pool (its id, and its name when the check found it, as a user's
-- difference keeps the user's principal name).
alter table license_check_difference
    add column allotment_id   uuid,
    add column allotment_name text;
