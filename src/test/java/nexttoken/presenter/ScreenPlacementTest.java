package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import nexttoken.presenter.ScreenPlacement.Mode;
import nexttoken.presenter.ScreenPlacement.Placement;
import nexttoken.presenter.ScreenPlacement.Rect;
import nexttoken.presenter.ScreenPlacement.ScreenInfo;
import nexttoken.settings.UserSettings;
import org.junit.jupiter.api.Test;

class ScreenPlacementTest {
    /** two-screens' layout: the laptop 1280×800 at the origin, a panel along its top, the projector 1024×768 right of it. */
    static final ScreenInfo LAPTOP = new ScreenInfo(new Rect(0, 0, 1280, 800), new Rect(0, 28, 1280, 772), 1, true);
    static final ScreenInfo PROJECTOR = new ScreenInfo(new Rect(1280, 0, 1024, 768), new Rect(1280, 0, 1024, 768), 1, false);

    @Test
    void twoScreensPutTheProjectorWindowOverTheWholeOtherScreen() {
        Placement p = ScreenPlacement.place(List.of(LAPTOP, PROJECTOR), null);
        assertEquals(Mode.TWO_SCREENS, p.mode());
        assertEquals(new Rect(1280, 0, 1024, 768), p.projector(), "bounds, not visual bounds: nothing of the desktop shows");
        assertEquals(new Rect(0, 28, 1280, 772), p.presenter(), "the laptop's usable area");
        assertEquals(PROJECTOR, p.projectorScreen());
    }

    @Test
    void theListsOrderDoesNotMatterThePrimaryStaysTheTeachers() {
        Placement p = ScreenPlacement.place(List.of(PROJECTOR, LAPTOP), null);
        assertEquals(PROJECTOR.bounds(), p.projector());
        assertEquals(LAPTOP.visual(), p.presenter());
    }

    @Test
    void oneScreenMeansBothWindowsSideBySide() {
        Placement p = ScreenPlacement.place(List.of(LAPTOP), PROJECTOR.key());
        assertEquals(Mode.SIDE_BY_SIDE, p.mode());
        assertEquals(new Rect(0, 28, 640, 772), p.presenter());
        assertEquals(new Rect(640, 28, 640, 772), p.projector());
    }

    @Test
    void anOddWidthIsSplitWithoutLosingAPixel() {
        ScreenInfo odd = new ScreenInfo(new Rect(0, 0, 1365, 768), new Rect(0, 0, 1365, 768), 1, true);
        Placement p = ScreenPlacement.place(List.of(odd), null);
        assertEquals(682, p.presenter().width());
        assertEquals(683, p.projector().width());
        assertEquals(1365, p.projector().x() + p.projector().width());
    }

    @Test
    void noScreenForAMomentMovesNothing() {
        Placement p = ScreenPlacement.place(List.of(), null);
        assertEquals(Mode.NO_SCREEN, p.mode());
        assertNull(p.presenter());
        assertNull(p.projector());
    }

    @Test
    void theProjectorGoneAndBackReturnsToTheSameScreen() {
        ScreenInfo third = new ScreenInfo(new Rect(-1920, 0, 1920, 1080), new Rect(-1920, 0, 1920, 1080), 1, false);
        UserSettings settings = UserSettings.inMemory();
        settings.setProjectorScreen(PROJECTOR.key());
        assertEquals(PROJECTOR, ScreenPlacement.place(List.of(LAPTOP, third, PROJECTOR), settings.projectorScreen()).projectorScreen(),
                "the teacher's choice, though another screen comes first from the left");
        assertEquals(Mode.SIDE_BY_SIDE, ScreenPlacement.place(List.of(LAPTOP), settings.projectorScreen()).mode());
        assertEquals(Mode.NO_SCREEN, ScreenPlacement.place(List.of(), settings.projectorScreen()).mode());
        Placement back = ScreenPlacement.place(List.of(LAPTOP, PROJECTOR), settings.projectorScreen());
        assertEquals(Mode.TWO_SCREENS, back.mode());
        assertEquals(PROJECTOR.bounds(), back.projector());
        assertEquals("1280,0,1024,768", settings.projectorScreen());
    }

    @Test
    void withoutAChoiceTheLeftmostOtherScreenIsTheProjector() {
        ScreenInfo left = new ScreenInfo(new Rect(-1024, 0, 1024, 768), new Rect(-1024, 0, 1024, 768), 1, false);
        assertEquals(left, ScreenPlacement.place(List.of(LAPTOP, PROJECTOR, left), null).projectorScreen());
        assertEquals(left, ScreenPlacement.place(List.of(LAPTOP, PROJECTOR, left), "0,0,1280,800").projectorScreen(),
                "the primary is never the projector, even if it was remembered");
    }

    @Test
    void aHiDpiScreenIsPlacedInLogicalPixels() {
        // A 2560×1600 laptop panel at scale 2 is 1280×800 to the toolkit; the projector at scale 1.
        ScreenInfo retina = new ScreenInfo(new Rect(0, 0, 1280, 800), new Rect(0, 0, 1280, 800), 2, true);
        ScreenInfo projector = new ScreenInfo(new Rect(1280, 0, 1920, 1080), new Rect(1280, 0, 1920, 1080), 1.25, false);
        Placement p = ScreenPlacement.place(List.of(retina, projector), null);
        assertEquals(new Rect(1280, 0, 1920, 1080), p.projector());
        assertEquals(1.25, p.projectorScreen().scale());
        assertEquals(new Rect(0, 0, 1280, 800), p.presenter());
    }

    @Test
    void aListThatNamesNoPrimaryTakesTheScreenAtTheOrigin() {
        ScreenInfo laptop = new ScreenInfo(LAPTOP.bounds(), LAPTOP.visual(), 1, false);
        Placement p = ScreenPlacement.place(List.of(PROJECTOR, laptop), null);
        assertEquals(PROJECTOR.bounds(), p.projector());
    }

    @Test
    void identifyNumbersThePrimaryFirstThenLeftToRight() {
        ScreenInfo left = new ScreenInfo(new Rect(-1024, 0, 1024, 768), new Rect(-1024, 0, 1024, 768), 1, false);
        assertEquals(List.of(LAPTOP, left, PROJECTOR), ScreenPlacement.numbered(List.of(PROJECTOR, left, LAPTOP)));
    }
}
