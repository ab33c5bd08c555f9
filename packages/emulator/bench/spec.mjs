// The benchmarks' upsert spec, shared by run.mjs and ingest-task.mjs so both measure the same rows.

/**
 * One upsert spec as JSON text: global key, external id, URL row data, 3 metadata fields (tag,
 * split as the SDK sends it: enum + option, captureDateTime) and 1 attachment. Written as a
 * template (every value is plain ASCII) so the client spends its CPU on sending, not on
 * JSON.stringify; the emulator parses exactly what the SDK would send.
 */
export function spec(i, dataset) {
  return (
    `{"id": {"type": "AUTO", "value": ""}, "payload": {"row_data": "https://storage.example.com/bench/images/${i}.jpg", ` +
    `"global_key": "bench-${i}", "external_id": "ext-${i}", "metadata_fields": [` +
    `{"schemaId": "cko8s9r5v0001h2dk9elqdidh", "value": "tag-${i % 100}"}, {"schemaId": "cko8sbczn0002h2dkdaxb5kal", "value": {}}, ` +
    `{"schemaId": "cko8sbscr0003h2dk04w86hof", "value": {}}, {"schemaId": "cko8sdzv70006h2dk8jg64zvb", "value": "2024-01-01T00:00:00Z"}], ` +
    `"attachments": [{"type": "IMAGE", "value": "https://storage.example.com/bench/overlays/${i}.png", "name": "overlay"}], "dataset_id": "${dataset}"}}`
  );
}
