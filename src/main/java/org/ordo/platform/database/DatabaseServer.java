package org.ordo.platform.database;

/** Where the database is; closing it stops the embedded server, if that is what runs. */
public record DatabaseServer(String url, String user, String password, EmbeddedPostgres embedded)
        implements AutoCloseable {

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
