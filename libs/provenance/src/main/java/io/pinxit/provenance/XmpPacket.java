package io.pinxit.provenance;

/**
 * The XMP packet Pinxit embeds next to the manifest, so that tools which know no C2PA still see the IPTC digital
 * source type ("made by a trained model"), title, creator and licence.
 */
final class XmpPacket {

    private XmpPacket() {
    }

    static String of(ManifestContent content) {
        StringBuilder xmp = new StringBuilder()
                .append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("  <rdf:Description rdf:about=\"\"\n")
                .append("    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
                .append("    xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\"\n")
                .append("    Iptc4xmpExt:DigitalSourceType=\"").append(escape(content.digitalSourceType())).append("\">\n")
                .append("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(content.title()))
                .append("</rdf:li></rdf:Alt></dc:title>\n");
        content.author().ifPresent(author -> xmp
                .append("   <dc:creator><rdf:Seq><rdf:li>").append(escape(author.name())).append("</rdf:li></rdf:Seq></dc:creator>\n"));
        content.licence().ifPresent(licence -> xmp
                .append("   <dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(licence))
                .append("</rdf:li></rdf:Alt></dc:rights>\n"));
        return xmp.append("  </rdf:Description>\n")
                .append(" </rdf:RDF>\n")
                .append("</x:xmpmeta>\n")
                .append("<?xpacket end=\"r\"?>")
                .toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
