package io.pinxit.gateway.service;

import io.pinxit.catalog.Upload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A style transfer ready to submit: the request, and each picture uploaded with it, checked and stored (absent when
 * that input is given by reference).
 */
public record StyleTransfer(StyleTransferRequest request, Optional<Upload> contentUpload,
                            Optional<Upload> styleUpload) {

    /** What an Idempotency-Key stands for: the request as sent and the bytes of each picture uploaded with it. */
    public Map<String, Object> identity() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("request", request);
        identity.put("contentUpload", contentUpload.map(Upload::sha256).orElse(null));
        identity.put("styleUpload", styleUpload.map(Upload::sha256).orElse(null));
        return identity;
    }
}
