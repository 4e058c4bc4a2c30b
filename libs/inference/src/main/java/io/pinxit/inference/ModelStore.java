package io.pinxit.inference;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where model files live: {@code <id>/card.json} and {@code <id>/<weightsFile>} under one root. */
sealed interface ModelStore {

    String CARD_FILE = "card.json";
    String INDEX_FILE = "index.json";

    byte[] read(String relativePath) throws IOException;

    /** The size of a file in bytes, without reading it. */
    long size(String relativePath) throws IOException;

    List<String> modelIds() throws IOException;

    /** Models packaged in a jar under {@code pinxit/models/}, listed by its {@code index.json}. */
    record Classpath(ClassLoader classLoader, String root) implements ModelStore {

        @Override
        public byte[] read(String relativePath) throws IOException {
            String resource = root + "/" + relativePath;
            try (InputStream in = classLoader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("No resource " + resource + " on the classpath");
                }
                return in.readAllBytes();
            }
        }

        @Override
        public long size(String relativePath) throws IOException {
            String resource = root + "/" + relativePath;
            URL url = classLoader.getResource(resource);
            if (url == null) {
                throw new IOException("No resource " + resource + " on the classpath");
            }
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            long size = connection.getContentLengthLong();
            if (size < 0) {
                throw new IOException("Unknown size of resource " + resource);
            }
            return size;
        }

        @Override
        public List<String> modelIds() throws IOException {
            List<String> ids = new ArrayList<>();
            for (JsonNode id : ModelCatalog.JSON.readTree(read(INDEX_FILE)).path("models")) {
                ids.add(id.asText());
            }
            return ids;
        }
    }

    /** Models in a folder: every sub-folder holding a {@code card.json}, in name order. */
    record Directory(Path root) implements ModelStore {

        @Override
        public byte[] read(String relativePath) throws IOException {
            return Files.readAllBytes(root.resolve(relativePath));
        }

        @Override
        public long size(String relativePath) throws IOException {
            return Files.size(root.resolve(relativePath));
        }

        @Override
        public List<String> modelIds() throws IOException {
            List<String> ids = new ArrayList<>();
            try (Stream<Path> children = Files.list(root)) {
                children.filter(child -> Files.isRegularFile(child.resolve(CARD_FILE)))
                        .map(child -> child.getFileName().toString())
                        .sorted()
                        .forEach(ids::add);
            }
            return ids;
        }
    }
}
