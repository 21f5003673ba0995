package dev.telephony.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;

/**
 * A pooled connection that never logs. HttpClient's default factory switches to a logging connection
 * when {@code org.apache.hc.client5.http.headers} is at DEBUG, and that one writes every request
 * header, Authorization included, to the log; this one has no such switch.
 */
final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {
    QuietConnection() {
        super(Http1Config.DEFAULT);
    }

    @Override
    public void bind(Socket socket) throws IOException {
        super.bind(socket);
    }

    @Override
    public Socket getSocket() {
        SocketHolder holder = getSocketHolder();
        return holder == null ? null : holder.getSocket();
    }

    @Override
    public SSLSession getSSLSession() {
        Socket socket = getSocket();
        return socket instanceof SSLSocket ssl ? ssl.getSession() : null;
    }

    @Override
    public void passivate() {
        // nothing to park: socket time-outs are set per request by the connection manager
    }

    @Override
    public void activate() {
        // see passivate()
    }
}
