package io.pinxit.inference.style;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelLoadException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * The photographs fast styles learn to paint: the corpus shipped in the models jar under
 * {@code pinxit/models/style-training-photos/} (licences in its {@code photos.json}), or any list of pictures.
 */
public final class TrainingPhotos {

    private static final String FOLDER = "pinxit/models/style-training-photos/";
    private static final ModelCard.DataSource DATA_SOURCE = new ModelCard.DataSource(
            "Pinxit style training photos",
            "models/style-training-photos",
            "1",
            "CC0-1.0 AND CC-BY-4.0 AND CC-BY-SA-4.0 AND GPL-2.0-or-later AND LGPL-3.0-only AND LicenseRef-public-domain",
            "78 photographs from Debian packages; every author and licence is listed in "
                    + "models/style-training-photos/photos.json",
            "The content pictures a fast style network learned to paint: 78 photographs (animals, monuments, "
                    + "landscapes, plants, objects) from gcompris-qt-data, lomiri-wallpapers-16.04, mate-backgrounds, "
                    + "plasma-workspace-wallpapers, palapeli-data and python3-skimage, 320 px on the shorter side; each "
                    + "training crop is a random square of 60-100% of a photo's shorter side, mirrored half of the "
                    + "time. The network holds no picture of them.");
    private static final double SMALLEST_CROP = 0.6;

    private final List<BufferedImage> photos;

    private TrainingPhotos(List<BufferedImage> photos) {
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("A fast style needs at least one training photo");
        }
        this.photos = List.copyOf(photos);
    }

    public static TrainingPhotos of(List<BufferedImage> photos) {
        return new TrainingPhotos(photos);
    }

    /** @throws ModelLoadException when the corpus is missing from the classpath or a photo cannot be read */
    public static TrainingPhotos fromClasspath() {
        ClassLoader loader = TrainingPhotos.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(FOLDER + "photos.json")) {
            if (index == null) {
                throw new ModelLoadException("The classpath has no " + FOLDER + "photos.json");
            }
            List<BufferedImage> photos = new ArrayList<>();
            for (var entry : new ObjectMapper().readTree(index).get("photos")) {
                String file = entry.get("file").asText();
                try (InputStream photo = loader.getResourceAsStream(FOLDER + file)) {
                    BufferedImage image = photo == null ? null : ImageIO.read(photo);
                    if (image == null) {
                        throw new ModelLoadException("Training photo " + file + " is missing or unreadable");
                    }
                    photos.add(image);
                }
            }
            return new TrainingPhotos(photos);
        } catch (IOException e) {
            throw new ModelLoadException("Cannot read the training photos", e);
        }
    }

    /** The shipped corpus as a model card's data source, for the networks trained on it. */
    public static ModelCard.DataSource dataSource() {
        return DATA_SOURCE;
    }

    public int size() {
        return photos.size();
    }

    BufferedImage first() {
        return photos.get(0);
    }

    /**
     * A square crop of a random photo, {@code side} pixels: from 60% to all of the photo's shorter side, at a random
     * place, mirrored half of the time.
     */
    BufferedImage crop(int side, SplittableRandom random) {
        BufferedImage photo = photos.get(random.nextInt(photos.size()));
        int shorter = Math.min(photo.getWidth(), photo.getHeight());
        int cropped = Math.max(1, (int) Math.round(shorter * (SMALLEST_CROP + (1 - SMALLEST_CROP) * random.nextDouble())));
        int x = random.nextInt(photo.getWidth() - cropped + 1);
        int y = random.nextInt(photo.getHeight() - cropped + 1);
        BufferedImage region = photo.getSubimage(x, y, cropped, cropped);
        if (random.nextBoolean()) {
            var mirrored = new BufferedImage(cropped, cropped, BufferedImage.TYPE_INT_RGB);
            var g = mirrored.createGraphics();
            g.drawImage(region, cropped, 0, -cropped, cropped, null);
            g.dispose();
            region = mirrored;
        }
        return Pictures.resized(region, side, side);
    }
}
