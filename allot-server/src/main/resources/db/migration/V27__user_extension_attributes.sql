-- Graph's onPremisesExtensionAttributes of a user: extensionAttribute1..15 in order, null elements for unset ones;
-- null when none is set.
alter table directory_user add column extension_attributes text[];
