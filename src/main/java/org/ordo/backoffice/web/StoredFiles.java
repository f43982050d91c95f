package org.ordo.backoffice.web;

import org.ordo.billing.StoredDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored document answered exactly as stored and mailed, shown in the browser under its file name. */
final class StoredFiles {

    private StoredFiles() {
    }

    static ResponseEntity<byte[]> inline(StoredDocument.File file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.document().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.document().fileName()).build().toString())
                .body(file.content());
    }
}
