import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the capi-console icon (the window's icon.png: a blue tile with three white rows, each with a green status
 * dot) at every size the installers need, from its geometry, so large sizes stay sharp:
 * PNG files for Linux, an .ico for Windows and an .icns for macOS (both containers of PNG images).
 *
 * <p>Usage: {@code java -Djava.awt.headless=true installers/icons/IconArt.java OUTPUT_DIR}
 */
public final class IconArt {

    private static final Color TILE = new Color(0x25, 0x63, 0xEB);
    private static final Color ROW = Color.WHITE;
    private static final Color DOT = new Color(0x22, 0xC5, 0x5E);

    private static final List<Integer> PNG_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512, 1024);
    private static final List<Integer> ICO_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java installers/icons/IconArt.java OUTPUT_DIR");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            byte[] png = png(draw(size));
            pngs.put(size, png);
            Files.write(out.resolve("capi-console-" + size + ".png"), png);
        }
        Files.write(out.resolve("capi-console.png"), pngs.get(256));
        try (OutputStream ico = Files.newOutputStream(out.resolve("capi-console.ico"))) {
            writeIco(ico, pngs);
        }
        try (OutputStream icns = Files.newOutputStream(out.resolve("capi-console.icns"))) {
            writeIcns(icns, pngs);
        }
    }

    /** The icon on a 128-unit grid, scaled to {@code size} pixels. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 128.0, size / 128.0);
        g.setColor(TILE);
        g.fill(new RoundRectangle2D.Double(0, 0, 128, 128, 48, 48));
        for (int top : new int[] {30, 56, 82}) {
            g.setColor(ROW);
            g.fill(new RoundRectangle2D.Double(28, top, 73, 17, 3, 3));
            g.setColor(DOT);
            g.fill(new RoundRectangle2D.Double(34, top + 5, 7, 7, 1.5, 1.5));
        }
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** An ICO file whose entries are PNG images (read by Windows Vista and later, and by WiX and jpackage). */
    private static void writeIco(OutputStream out, Map<Integer, byte[]> pngs) throws IOException {
        int count = ICO_SIZES.size();
        ByteBuffer header = ByteBuffer.allocate(6 + 16 * count).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) count);
        int offset = 6 + 16 * count;
        for (int size : ICO_SIZES) {
            byte[] png = pngs.get(size);
            header.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)) // 0 means 256
                    .put((byte) 0).put((byte) 0)      // no palette, reserved
                    .putShort((short) 1).putShort((short) 32) // colour planes, bits per pixel
                    .putInt(png.length).putInt(offset);
            offset += png.length;
        }
        out.write(header.array());
        for (int size : ICO_SIZES) {
            out.write(pngs.get(size));
        }
    }

    /** An ICNS file with PNG entries for each size and Retina scale macOS asks for. */
    private static void writeIcns(OutputStream out, Map<Integer, byte[]> pngs) throws IOException {
        Map<String, Integer> entries = new LinkedHashMap<>();
        entries.put("icp4", 16);
        entries.put("icp5", 32);
        entries.put("icp6", 64);
        entries.put("ic07", 128);
        entries.put("ic08", 256);
        entries.put("ic09", 512);
        entries.put("ic10", 1024); // 512 pt at 2x
        entries.put("ic11", 32);   // 16 pt at 2x
        entries.put("ic12", 64);   // 32 pt at 2x
        entries.put("ic13", 256);  // 128 pt at 2x
        entries.put("ic14", 512);  // 256 pt at 2x
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body); // big-endian, as ICNS is
        for (Map.Entry<String, Integer> entry : entries.entrySet()) {
            byte[] png = pngs.get(entry.getValue());
            data.writeBytes(entry.getKey());
            data.writeInt(8 + png.length);
            data.write(png);
        }
        DataOutputStream file = new DataOutputStream(out);
        file.writeBytes("icns");
        file.writeInt(8 + body.size());
        body.writeTo(file);
        file.flush();
    }
}
