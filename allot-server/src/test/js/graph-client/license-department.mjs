// Licenses every member of a department through Microsoft Graph with the Graph JavaScript client, as an automation
// engineer's script would: in JSON batches of 20 (BatchRequestContent / BatchResponseContent), then reads the members
// again in batches and reports the failures that licenseAssignmentStates show. Written for any Graph endpoint;
// GraphClientsIT runs it against Allot over HTTPS.
//
// Environment: ALLOT_URL (https://host:port), ALLOT_TENANT (a tenant id, a verified domain or organizations),
// CLIENT_ID, CLIENT_SECRET, DEPARTMENT, SKU (a skuPartNumber), DISABLED_PLANS (service plan names, comma-separated),
// PAGE_SIZE (users per page, default 999). A self-signed certificate is trusted with NODE_EXTRA_CA_CERTS.
// Prints one JSON report on standard output: members, batches (JSON batches sent), statuses (how many requests of the
// batches answered each status), licensed, refused (assignments answered with an error) and failures
// (licenseAssignmentStates in error, direct or inherited).
import { BatchRequestContent, BatchResponseContent, PageIterator } from "@microsoft/microsoft-graph-client";
import { connect, setting } from "./connect.mjs";

// Graph takes at most 20 requests in one JSON batch.
const BATCH_SIZE = 20;

const base = setting("ALLOT_URL").replace(/\/+$/, "");
const department = setting("DEPARTMENT");
const skuPartNumber = setting("SKU");
const disabledPlanNames = setting("DISABLED_PLANS").split(",").map(name => name.trim());
const pageSize = Number(setting("PAGE_SIZE", "999"));

const client = await connect();

const skus = await client.api("/subscribedSkus").get();
const sku = skus.value.find(s => s.skuPartNumber === skuPartNumber);
if (!sku) {
    console.error(`the tenant has no ${skuPartNumber}`);
    process.exit(4);
}
const disabledPlans = disabledPlanNames.map(name => {
    const plan = sku.servicePlans.find(p => p.servicePlanName === name);
    if (!plan) {
        console.error(`${skuPartNumber} has no service plan ${name}`);
        process.exit(4);
    }
    return plan.servicePlanId;
});

const members = [];
const firstPage = await client
    .api("/users")
    .filter(`department eq '${department.replaceAll("'", "''")}'`)
    .select("id,userPrincipalName")
    .top(pageSize)
    .get();
await new PageIterator(client, firstPage, user => {
    members.push(user);
    return true;
}).iterate();

// Sends one request per member, BATCH_SIZE to a JSON batch, and hands each member's answer (a fetch Response) to
// `answered`.
let batches = 0;
const statuses = {};
async function batched(request, answered) {
    for (let start = 0; start < members.length; start += BATCH_SIZE) {
        const slice = members.slice(start, start + BATCH_SIZE);
        const batch = new BatchRequestContent(
            slice.map((member, i) => ({ id: String(start + i + 1), request: request(member) })),
        );
        const answers = new BatchResponseContent(await client.api("/$batch").post(await batch.getContent()));
        batches++;
        for (const [i, member] of slice.entries()) {
            const response = answers.getResponseById(String(start + i + 1));
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            await answered(member, response);
        }
    }
}

const assignment = JSON.stringify({
    addLicenses: [{ skuId: sku.skuId, disabledPlans }],
    removeLicenses: [],
});
let licensed = 0;
const refused = [];
await batched(
    member =>
        new Request(`${base}/v1.0/users/${member.id}/assignLicense`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: assignment,
        }),
    async (member, response) => {
        if (response.ok) {
            licensed++;
            return;
        }
        const error = (await response.json()).error ?? {};
        refused.push({
            userPrincipalName: member.userPrincipalName,
            statusCode: response.status,
            code: error.code,
            message: error.message,
        });
    },
);

const failures = [];
await batched(
    member =>
        new Request(`${base}/v1.0/users/${member.id}?$select=userPrincipalName,licenseAssignmentStates`, {
            method: "GET",
        }),
    async (member, response) => {
        if (!response.ok) {
            console.error(`cannot read ${member.userPrincipalName}: ${response.status} ${await response.text()}`);
            process.exit(5);
        }
        const user = await response.json();
        for (const state of user.licenseAssignmentStates ?? []) {
            if (state.state === "Error" || (state.error && state.error !== "None")) {
                failures.push({
                    userPrincipalName: user.userPrincipalName,
                    skuId: state.skuId,
                    assignedByGroup: state.assignedByGroup ?? null,
                    state: state.state,
                    error: state.error,
                });
            }
        }
    },
);

console.log(JSON.stringify({ members: members.length, batches, statuses, licensed, refused, failures }));
