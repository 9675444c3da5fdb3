package com.certcare.application.pdf;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.certcare.platform.pdf.HtmlToPdf;
import com.certcare.platform.pdf.PdfConfig;

import io.quarkus.runtime.StartupEvent;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders the forms as PDF: a Qute template (HTML, {@code templates/pdf/}, every value escaped) filled with a data
 * record, then the platform's {@link HtmlToPdf} with the configured Chinese font embedded. The templates also see the
 * certification body ({@code body}, from {@code certcare.body.*}).
 */
@ApplicationScoped
public class PdfRenderer {

    private static final Logger LOG = Logger.getLogger(PdfRenderer.class);

    private final Template contract;
    private final Template application;
    private final CertificationBody body;
    private final HtmlToPdf html;
    private final String fontPath;

    PdfRenderer(@Location("pdf/contract.html") Template contract, @Location("pdf/application.html") Template application,
            BodyConfig body, PdfConfig config) {
        this.contract = contract;
        this.application = application;
        this.body = body.toParty();
        this.html = new HtmlToPdf(config.fontPath(), config.fontFace());
        this.fontPath = config.fontPath();
    }

    /** The service starts without the font (everything else works), but says so at once rather than at the first PDF. */
    void warnWithoutFont(@Observes StartupEvent started) {
        if (!Files.isReadable(Path.of(fontPath))) {
            LOG.warnf("PDFs cannot be rendered: the font %s (%s) is missing; apt-get install fonts-wqy-microhei", fontPath,
                    PdfConfig.FONT_PATH_KEY);
        }
    }

    /** The contract, form 16-02. */
    public byte[] contract(ContractDocument document) {
        return render(contract.data("doc", document));
    }

    /** The application, form 16-01. */
    public byte[] application(ApplicationDocument document) {
        return render(application.data("doc", document));
    }

    /** Any template of templates/pdf, with its data set; {@code body} is added. */
    public byte[] render(TemplateInstance instance) {
        return html.convert(instance.data("body", body).render());
    }
}
