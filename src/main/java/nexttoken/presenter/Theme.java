package nexttoken.presenter;

/** The looks a teacher can switch between live; each is one stylesheet of colour variables. */
public enum Theme {
    LIGHT, DARK, PROJECTOR;

    public String stylesheet() {
        return "/nexttoken/styles/" + name().toLowerCase(java.util.Locale.ROOT) + ".css";
    }

    public String nameKey() {
        return "theme." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The spelling on the command line (--theme light|dark|projector). */
    public static Theme fromName(String name) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }
}
