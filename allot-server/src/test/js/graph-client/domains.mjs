// Adds a domain, puts a user on it and takes it away again through Microsoft Graph with the Graph JavaScript client,
// as an automation engineer's onboarding script would: lists the domains, adds one (POST /domains) and verifies it,
// creates a user on it with extension attributes and reads them back, tries to delete the domain while the user holds
// it (Graph refuses), removes the user for good, deletes the domain and reads it once more (404). GraphClientsIT runs
// it against Allot over HTTPS.
//
// Environment: ALLOT_URL (https://host:port), ALLOT_TENANT, CLIENT_ID, CLIENT_SECRET, DOMAIN (the domain to add).
// A self-signed certificate is trusted with NODE_EXTRA_CA_CERTS. Prints one JSON report on standard output.
import { connect, setting } from "./connect.mjs";

const domain = setting("DOMAIN");
const client = await connect();

// What a GraphError says: the status and Graph's error code and message.
async function refusal(call) {
    try {
        await call();
        return null;
    } catch (error) {
        return { statusCode: error.statusCode, code: error.code, message: error.message };
    }
}

const report = {};
report.before = (await client.api("/domains").select("id,isDefault,isInitial,isVerified").get()).value;
const added = await client.api("/domains").post({ id: domain });
report.added = { id: added.id, isVerified: added.isVerified, isDefault: added.isDefault, state: added.state };
report.verified = (await client.api(`/domains/${domain}/verify`).post({})).isVerified;
report.duplicate = await refusal(() => client.api("/domains").post({ id: domain }));

const user = await client.api("/users").post({
    accountEnabled: true,
    displayName: "Script User",
    mailNickname: "script.user",
    userPrincipalName: `script.user@${domain}`,
    passwordProfile: { forceChangePasswordNextSignIn: true, password: "xWwvJ]6NMw+bWH-d" },
    onPremisesExtensionAttributes: { extensionAttribute1: "Onboarded by script" },
});
const read = await client
    .api(`/users/${user.id}`)
    .select("id,onPremisesExtensionAttributes,onPremisesSyncEnabled,onPremisesImmutableId")
    .get();
report.user = {
    extensionAttribute1: read.onPremisesExtensionAttributes.extensionAttribute1,
    extensionAttribute15: read.onPremisesExtensionAttributes.extensionAttribute15,
    onPremisesSyncEnabled: read.onPremisesSyncEnabled,
    onPremisesImmutableId: read.onPremisesImmutableId,
};
report.inUse = await refusal(() => client.api(`/domains/${domain}`).delete());

await client.api(`/users/${user.id}`).delete();
await client.api(`/directory/deletedItems/${user.id}`).delete();
await client.api(`/domains/${domain}`).delete();
report.gone = await refusal(() => client.api(`/domains/${domain}`).get());
report.after = (await client.api("/domains").get()).value.map(d => d.id);

console.log(JSON.stringify(report));
