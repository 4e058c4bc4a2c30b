package io.pinxit.training;

import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders an 8×8 grid of a model's pictures (for a conditional model, one row of 8 per label, in the
 * card's order; for a prompt model, one row per prompt of {@code --prompts}, separated by '|'), each enlarged ×4 with nearest-neighbour for viewing only, through the same
 * {@link ModelLoader} path the services use.
 */
public final class SampleSheet {

    static final int COLUMNS = 8;
    static final int COUNT = COLUMNS * COLUMNS;
    static final int SCALE = 4;
    static final int GAP = 4;

    private SampleSheet() {}

    /** {@code --model-dir=models --model=emoji-dcgan --seed=N --out=docs/samples/emoji-dcgan.png}. */
    public static void main(String[] args) throws IOException {
        DjlRuntime.configure();
        ToolArguments arguments = ToolArguments.parse(args);
        var catalog = ModelCatalog.fromDirectory(Path.of(arguments.get("model-dir", "models")));
        String id = arguments.get("model", "emoji-dcgan");
        ModelCard card = catalog.find(id).orElseThrow(() -> new IllegalArgumentException("No model " + id));
        long seed = Long.parseLong(arguments.get("seed", "20261123"));
        Path out = Path.of(arguments.get("out", "docs/samples/" + id + ".png"));
        String given = arguments.get("prompts", "");
        List<String> prompts = given.isBlank() ? TrainEmojiWords.PREVIEW_PROMPTS : List.of(given.split("\\|"));
        try (ImageGenerator generator = new ModelLoader(catalog).load(card)) {
            List<BufferedImage> images = new ArrayList<>();
            for (GeneratedImage image : pictures(generator, seed, prompts)) {
                images.add(ImageIO.read(new ByteArrayInputStream(image.png())));
            }
            write(images, out);
            System.out.printf("Wrote %s: %d pictures of %s (sha256 %s), seed %d%s%n", out, images.size(), id,
                    card.weightsSha256(), seed, !card.labels().isEmpty() ? ", one row per label " + card.labels()
                            : !card.vocabulary().isEmpty() ? ", one row per prompt " + prompts : "");
        }
    }

    /** 64 pictures of a seed; for a conditional model, a row of 8 per label (or prompt) from the same seed. */
    private static List<GeneratedImage> pictures(ImageGenerator generator, long seed, List<String> prompts) {
        List<GeneratedImage> pictures = new ArrayList<>();
        if (!generator.card().vocabulary().isEmpty()) {
            prompts.forEach(prompt -> pictures.addAll(generator.generateFromPrompt(seed, COLUMNS, prompt)));
        } else if (!generator.labels().isEmpty()) {
            generator.labels().forEach(label -> pictures.addAll(generator.generate(seed, COLUMNS, label)));
        } else {
            pictures.addAll(generator.generate(seed, COUNT));
        }
        return pictures;
    }

    static void write(List<BufferedImage> images, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        ImageIO.write(render(images), "png", out.toFile());
    }

    static BufferedImage render(List<BufferedImage> images) {
        int tile = images.get(0).getWidth() * SCALE;
        int rows = (images.size() + COLUMNS - 1) / COLUMNS;
        int width = COLUMNS * tile + (COLUMNS + 1) * GAP;
        int height = rows * tile + (rows + 1) * GAP;
        var sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = sheet.createGraphics();
        try {
            graphics.setColor(Color.LIGHT_GRAY);
            graphics.fillRect(0, 0, width, height);
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            for (int i = 0; i < images.size(); i++) {
                int x = GAP + (i % COLUMNS) * (tile + GAP);
                int y = GAP + (i / COLUMNS) * (tile + GAP);
                graphics.drawImage(images.get(i), x, y, tile, tile, null);
            }
        } finally {
            graphics.dispose();
        }
        return sheet;
    }
}
