-- Change subscriptions are no longer remembered per tenant (V29): only the relay reads them, once per turn, and reads
-- them from the database. Their writes no longer raise the tenant's stamp, which made every server read the tenant's
-- remembered settings again whenever a subscription was created, renewed, challenged or flagged failing.
drop trigger tenant_stamp_raise on change_subscription;
drop trigger tenant_stamp_mark on change_subscription;
