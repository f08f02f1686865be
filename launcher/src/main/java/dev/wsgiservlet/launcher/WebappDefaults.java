package dev.wsgiservlet.launcher;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Wrapper;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * What a standalone Tomcat's {@code conf/web.xml} gives every web application, minus the JSP
 * servlet: {@code tomcat-embed-core} has no Jasper, and Tomcat's own embedded defaults would log
 * a failure to load it. A WAR's web.xml still overrides all of it.
 */
final class WebappDefaults implements LifecycleListener {

    private static final int SESSION_TIMEOUT_MINUTES = 30;

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            return;
        }
        Context context = (Context) event.getLifecycle();
        Wrapper defaultServlet = Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet");
        defaultServlet.setLoadOnStartup(1);
        defaultServlet.setOverridable(true);
        context.addServletMappingDecoded("/", "default");
        context.setSessionTimeout(SESSION_TIMEOUT_MINUTES);
        Tomcat.addDefaultMimeTypeMappings(context);
        context.addWelcomeFile("index.html");
        context.addWelcomeFile("index.htm");
        if (context instanceof StandardContext standard) {
            standard.setReplaceWelcomeFiles(true);
        }
    }
}
