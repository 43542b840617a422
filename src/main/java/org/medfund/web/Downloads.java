package org.medfund.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The web shell's one way to answer with a file to save (bank files, exports), for every web adapter. */
public final class Downloads {

    private Downloads() {
    }

    /** {@code body} as an attachment named {@code fileName} (ASCII: the callers build it from codes and dates). */
    public static ResponseEntity<byte[]> attachment(String fileName, MediaType type, byte[] body) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + fileName)
                .contentType(type).body(body);
    }
}
