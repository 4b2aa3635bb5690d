// What the scripts of this folder share: their settings from the environment, and a Graph JavaScript client signed in
// with client credentials, as with Entra (POST {authority}/{tenant}/oauth2/v2.0/token). A missing setting exits 2, a
// refused token 3.
import { Client } from "@microsoft/microsoft-graph-client";

export function setting(name, fallback) {
    const value = process.env[name] ?? fallback;
    if (value === undefined || value === "") {
        console.error(`${name} is not set`);
        process.exit(2);
    }
    return value;
}

// The client for ALLOT_URL and ALLOT_TENANT with CLIENT_ID and CLIENT_SECRET. It sends the token only to https URLs
// of Graph's hosts or of customHosts (host names, without the port).
export async function connect() {
    const base = setting("ALLOT_URL").replace(/\/+$/, "");
    const tokenAnswer = await fetch(`${base}/${encodeURIComponent(setting("ALLOT_TENANT"))}/oauth2/v2.0/token`, {
        method: "POST",
        body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: setting("CLIENT_ID"),
            client_secret: setting("CLIENT_SECRET"),
            scope: "https://graph.microsoft.com/.default",
        }),
    });
    const token = await tokenAnswer.json();
    if (!tokenAnswer.ok) {
        console.error(`no token: ${tokenAnswer.status} ${JSON.stringify(token)}`);
        process.exit(3);
    }
    return Client.init({
        authProvider: done => done(null, token.access_token),
        baseUrl: `${base}/`,
        defaultVersion: "v1.0",
        customHosts: new Set([new URL(base).hostname]),
    });
}
