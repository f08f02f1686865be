package dev.wsgiservlet.bench;

import dev.wsgiservlet.WsgiServlet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * The server {@code bench/run.sh} measures: one embedded Tomcat 10.1 on 127.0.0.1 with, in one
 * context, {@code /raw/*} ({@link RawServlet}), {@code /wsgi/*} ({@link BenchApp} in a
 * {@link WsgiServlet}), {@code /wsgi-transferto/*} (the same, with sendfile hidden) and Tomcat's
 * {@code DefaultServlet} at {@code /} over the document base.
 *
 * <p>Usage: {@code BenchServer WORKDIR [PORT]}: the files are served from {@code WORKDIR/files},
 * Tomcat's own base directory is {@code WORKDIR/tomcat}. Prints {@code PORT n} once it listens;
 * stops on SIGTERM.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: BenchServer WORKDIR [PORT]");
            System.exit(2);
        }
        Path workDir = Path.of(args[0]).toAbsolutePath();
        Path docBase = workDir.resolve("files");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        for (String file : new String[] {Payloads.DOWNLOAD_FILE, Payloads.SMALL_FILE}) {
            if (!Files.isRegularFile(docBase.resolve(file))) {
                System.err.println(docBase.resolve(file) + " is missing");
                System.exit(2);
            }
        }
        Path baseDir = Files.createDirectories(workDir.resolve("tomcat"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", docBase.toString());
        Tomcat.addServlet(context, "raw", new RawServlet());
        context.addServletMappingDecoded("/raw/*", "raw");
        Tomcat.addServlet(context, "wsgi", new WsgiServlet(new BenchApp(docBase)));
        context.addServletMappingDecoded("/wsgi/*", "wsgi");
        Tomcat.addServlet(context, "wsgi-transferto", new WsgiServlet(new BenchApp(docBase)));
        context.addServletMappingDecoded("/wsgi-transferto/*", "wsgi-transferto");
        FilterDef noSendfile = new FilterDef();
        noSendfile.setFilterName("no-sendfile");
        noSendfile.setFilter(new NoSendfileFilter());
        context.addFilterDef(noSendfile);
        FilterMap noSendfileMap = new FilterMap();
        noSendfileMap.setFilterName("no-sendfile");
        noSendfileMap.addServletName("wsgi-transferto");
        context.addFilterMap(noSendfileMap);
        Wrapper files = Tomcat.addServlet(context, "default", new DefaultServlet());
        files.addInitParameter("listings", "false");
        context.addServletMappingDecoded("/", "default");
        Tomcat.addDefaultMimeTypeMappings(context);

        tomcat.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "bench-server-shutdown"));
        System.out.println("PORT " + connector.getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }
}
