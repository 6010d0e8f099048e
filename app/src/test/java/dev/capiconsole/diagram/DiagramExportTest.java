package dev.capiconsole.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** SVG and PNG of a fixed snapshot: the SVG equals the stored file and is well-formed; the PNG is an image. */
class DiagramExportTest {

    private static final LaidOutDiagram ROLLING = DiagramLayout.layout(DiagramBuilder.build(
            SampleSnapshots.rollingCluster(), DiagramOptions.defaults().withExtras(true)));

    @Test
    void theSvgOfAFixedSnapshotIsTheStoredOne() throws IOException {
        String svg = SvgExport.svg(ROLLING, Palette.LIGHT);
        try (InputStream stored = getClass().getResourceAsStream("/diagram/rolling-cluster.svg")) {
            assertThat(stored).as("stored SVG").isNotNull();
            assertThat(svg).isEqualTo(new String(stored.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(SvgExport.svg(ROLLING, Palette.LIGHT)).isEqualTo(svg);
    }

    @Test
    void theSvgIsWellFormedWithOneGroupPerNodeAndOneLinePerEdge() throws Exception {
        String svg = SvgExport.svg(ROLLING, Palette.DARK);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("viewBox"))
                .isEqualTo("0 0 " + (long) ROLLING.width() + " " + (long) ROLLING.height());
        assertThat(document.getElementsByTagName("g").getLength()).isEqualTo(ROLLING.diagram().nodes().size());
        NodeList paths = document.getElementsByTagName("path");
        int lines = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            lines += ((Element) paths.item(i)).hasAttribute("stroke-linecap") ? 0 : 1; // status icons' strokes
        }
        assertThat(lines).isEqualTo(ROLLING.routes().size());
        assertThat(svg).contains(Palette.DARK.background()).doesNotContain(Palette.LIGHT.background());
    }

    @Test
    void thePngIsAnImageOfTheDiagramAtTwiceItsSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngExport.png(ROLLING, Palette.LIGHT, out);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(ROLLING.width() * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(ROLLING.height() * 2));
        int cluster = image.getRGB((int) (ROLLING.boxes().get("Cluster/ns/c1").x() * 2 + 32),
                (int) (ROLLING.boxes().get("Cluster/ns/c1").y() * 2 + 23));
        int good = 0x1a7f37;
        assertThat(cluster & 0xffffff).as("the Cluster's status icon, above its check").isEqualTo(good);
    }

    @Test
    void aDiagramTooLargeForAPngIsRefusedWithAPointerToSvg() {
        LaidOutDiagram huge = DiagramLayout.layout(DiagramBuilder.build(SampleSnapshots.manyMachines(20),
                new DiagramOptions(0, Set.of(), false)));
        LaidOutDiagram wide = new LaidOutDiagram(huge.diagram(), huge.boxes(), huge.routes(), 2_000_000, 5_000);
        assertThatThrownBy(() -> PngExport.png(wide, Palette.LIGHT, new ByteArrayOutputStream()))
                .hasMessageContaining("export it as SVG");
    }
}
