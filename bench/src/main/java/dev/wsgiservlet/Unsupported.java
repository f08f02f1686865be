package dev.wsgiservlet;

import java.lang.reflect.Proxy;

/**
 * An implementation of a servlet interface whose every method throws. The synthetic request and
 * response wrap one, so that a method the adapter starts to call, and the benchmark does not
 * provide, fails loudly instead of returning a silent default.
 */
final class Unsupported {

    private Unsupported() {
    }

    static <T> T instance(Class<T> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                return "unsupported " + type.getSimpleName();
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
                    + " is not provided by the benchmark's synthetic servlet objects");
        });
        return type.cast(proxy);
    }
}
