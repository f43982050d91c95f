import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A mail server for the bench scripts that accepts every mail and writes one line per mail it received to a file:
 * the Message-ID (Ordo's is the message's id), the time and the port it came in on. Counting the lines per
 * Message-ID shows a mail delivered twice; comparing them with the outbox shows a mail lost; with one port per
 * sender the port says who sent each copy. JDK only, loopback only, no TLS, no auth:
 *   java bench/SmtpSink.java PORT[,PORT...] RECEIVED.log
 */
public class SmtpSink {

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[1]);
        String[] ports = args[0].split(",");
        for (int i = 0; i < ports.length; i++) {
            ServerSocket server = new ServerSocket(Integer.parseInt(ports[i]), 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (true) {
                    try {
                        Socket socket = server.accept();
                        new Thread(() -> converse(socket, log)).start();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            if (i == ports.length - 1) {
                accept.run(); // the last port on the main thread: the sink runs until it is stopped
            } else {
                accept.start();
            }
        }
    }

    private static void converse(Socket socket, Path log) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream raw = socket.getOutputStream()) {
            PrintWriter out = new PrintWriter(raw, true, StandardCharsets.UTF_8);
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String id = "(none)";
                        boolean headers = true;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (line.isEmpty()) {
                                headers = false;
                            } else if (headers && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                id = line.substring(11).trim();
                            }
                        }
                        // written before the 250: a mail the sender counts as sent is always in the log
                        synchronized (SmtpSink.class) {
                            Files.writeString(log, id + " " + System.currentTimeMillis() + " " + socket.getLocalPort()
                                    + "\n", StandardCharsets.UTF_8,
                                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        }
                        reply(out, "250 ok");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok"); // MAIL, RCPT, RSET, NOOP
                }
            }
        } catch (Exception e) {
            // the sender went away (a node killed mid-mail): the mail was not received
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }
}
