package org.allot.api.extensions;

/** Runs reclaim now ({@code POST /allot/v1/reclaim/runs}): one product's policy or all, and whether to apply it. */
public record ReclaimRunRequest(String skuId, Boolean apply) {}
