package nexttoken.poll;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * The addresses phones could reach this computer at: IPv4 (short enough to type) on interfaces
 * that are up, never loopback — a phone that opens 127.0.0.1 reaches itself. Private-range
 * addresses (a school's Wi-Fi, a hotspot) come first.
 */
public final class PollAddresses {
    private PollAddresses() {
    }

    /** One offer: the interface's name as the system shows it, and its address. */
    public record Offer(String interfaceName, InetAddress address) {
        public String text() {
            return address.getHostAddress() + " (" + interfaceName + ")";
        }
    }

    public static List<Offer> forPhones() {
        List<Offer> offers = new ArrayList<>();
        try {
            Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
            while (all != null && all.hasMoreElements()) {
                NetworkInterface ni = all.nextElement();
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (Enumeration<InetAddress> a = ni.getInetAddresses(); a.hasMoreElements(); ) {
                    InetAddress address = a.nextElement();
                    if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
                        offers.add(new Offer(ni.getDisplayName(), address));
                    }
                }
            }
        } catch (SocketException e) {
            // The system would not list its interfaces: there is nothing to offer, and the window says so.
            return List.of();
        }
        offers.sort(Comparator.comparing((Offer o) -> !o.address().isSiteLocalAddress())
                .thenComparing(o -> o.address().getHostAddress()));
        return List.copyOf(offers);
    }

    /**
     * What the app offers: {@link #forPhones()}, and loopback last when started with
     * {@code -Dnexttoken.poll.loopback=true} — a rehearsal on one computer, whose own browser is the
     * only phone. Never by default: a phone that opens 127.0.0.1 reaches itself.
     */
    public static List<Offer> forTheApp() {
        if (!Boolean.getBoolean("nexttoken.poll.loopback")) {
            return forPhones();
        }
        List<Offer> offers = new ArrayList<>(forPhones());
        offers.add(new Offer("loopback", InetAddress.getLoopbackAddress()));
        return List.copyOf(offers);
    }

    /** The remembered address if this computer still has it, else the first offer. */
    public static Optional<Offer> preferred(List<Offer> offers, String remembered) {
        return offers.stream().filter(o -> o.address().getHostAddress().equals(remembered)).findFirst()
                .or(() -> offers.stream().findFirst());
    }
}
