package io.pinxit.registry;

import io.pinxit.inference.ModelCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Registered models copied from the bucket to a worker's disk, one folder per weights hash
 * ({@code <directory>/<sha256>/<id>/card.json} + weights), so a worker fetches each model once and the loader reads
 * it like a shipped one. A copy is made in a temporary folder and moved into place whole.
 */
public final class LocalModelCopies {

    private final ModelRegistry registry;
    private final Path directory;

    public LocalModelCopies(ModelRegistry registry, Path directory) {
        this.registry = registry;
        this.directory = directory;
    }

    /**
     * The catalog holding {@code model} alone, fetched from the bucket (hash-checked) unless a copy is here already.
     * {@link io.pinxit.inference.ModelLoader} checks the hash again when it loads the model.
     */
    public ModelCatalog catalogOf(RegisteredModel model) {
        Path folder = directory.resolve(model.card().weightsSha256());
        if (!Files.isRegularFile(folder.resolve(model.id()).resolve("card.json"))) {
            fetch(model, folder);
        }
        return ModelCatalog.fromDirectory(folder);
    }

    private void fetch(RegisteredModel model, Path folder) {
        byte[] weights = registry.weightsOf(model);
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempDirectory(directory, "fetching-");
            ModelRegistry.ModelFolders.write(partial, model.card(), weights);
            try {
                Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Another fetch of the same weights won the race; its copy is as good as ours.
                ModelRegistry.ModelFolders.delete(partial);
            }
        } catch (IOException e) {
            if (partial != null) {
                ModelRegistry.ModelFolders.delete(partial);
            }
            throw new UncheckedIOException("Could not copy model '%s' to %s".formatted(model.id(), folder), e);
        }
    }
}
