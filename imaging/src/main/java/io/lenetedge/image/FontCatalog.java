package io.lenetedge.image;

import io.lenetedge.common.UserError;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fonts digits are drawn from (fetched by {@code scripts/fetch-fonts.sh} from Debian's
 * archive into {@code data/fonts/PACKAGE/}), and which of them train the model and which are held
 * out for the tests. Held-out handwriting comes from two of the six bwht hands and from whole
 * families the trainer never sees (Humor Sans, Klee); held-out print from the Go and Inconsolata
 * families.
 */
public final class FontCatalog {
  /** What a font is for. */
  public enum Role { HANDWRITING_TRAIN, HANDWRITING_HELD_OUT, PRINTED_TRAIN, PRINTED_HELD_OUT }

  /** A font file of a Debian package, with its role. */
  public record Entry(String pkg, String file, Role role) {
    /** A short name: the file name without its extension. */
    public String name() {
      return file.replaceFirst("\\.[ot]tf$", "");
    }
  }

  /** A loaded font and the entry it came from. */
  public record NamedFont(Entry entry, Font font) {}

  /** Every font of the catalogue. */
  public static final List<Entry> ENTRIES = List.of(
      e("fonts-dkg-handwriting", "dkg.ttf", Role.HANDWRITING_TRAIN),
      e("fonts-dkg-handwriting", "dkgBd.ttf", Role.HANDWRITING_TRAIN),
      e("fonts-dkg-handwriting", "dkgIt.ttf", Role.HANDWRITING_TRAIN),
      e("fonts-dkg-handwriting", "dkgBI.ttf", Role.HANDWRITING_TRAIN),
      e("fonts-bwht", "BecauseWeBuild-Regular.otf", Role.HANDWRITING_TRAIN),
      e("fonts-bwht", "BecauseWeConnect-Regular.otf", Role.HANDWRITING_TRAIN),
      e("fonts-bwht", "BecauseWeCreate-Regular.otf", Role.HANDWRITING_TRAIN),
      e("fonts-bwht", "BecauseWeMentor-Regular.otf", Role.HANDWRITING_TRAIN),
      e("fonts-bwht", "BecauseWeLearn-Regular.otf", Role.HANDWRITING_HELD_OUT),
      e("fonts-bwht", "BecauseWeOrganize-Regular.otf", Role.HANDWRITING_HELD_OUT),
      e("fonts-breip", "Breip.ttf", Role.HANDWRITING_TRAIN),
      e("fonts-rufscript", "Rufscript010.ttf", Role.HANDWRITING_TRAIN),
      e("fonts-dancingscript", "DancingScript-Regular.otf", Role.HANDWRITING_TRAIN),
      e("fonts-dancingscript", "DancingScript-Bold.otf", Role.HANDWRITING_TRAIN),
      e("fonts-comic-neue", "ComicNeue-Regular.otf", Role.HANDWRITING_TRAIN),
      e("fonts-comic-neue", "ComicNeue-Bold.otf", Role.HANDWRITING_TRAIN),
      e("fonts-comic-neue", "ComicNeue-Italic.otf", Role.HANDWRITING_TRAIN),
      e("fonts-comic-neue", "ComicNeue-Light.otf", Role.HANDWRITING_TRAIN),
      e("fonts-humor-sans", "Humor-Sans.ttf", Role.HANDWRITING_HELD_OUT),
      e("fonts-klee", "KleeOne-Regular.ttf", Role.HANDWRITING_HELD_OUT),
      e("fonts-klee", "KleeOne-SemiBold.ttf", Role.HANDWRITING_HELD_OUT),
      e("fonts-dejavu-core", "DejaVuSans.ttf", Role.PRINTED_TRAIN),
      e("fonts-dejavu-core", "DejaVuSans-Bold.ttf", Role.PRINTED_TRAIN),
      e("fonts-dejavu-core", "DejaVuSerif.ttf", Role.PRINTED_TRAIN),
      e("fonts-dejavu-core", "DejaVuSerif-Bold.ttf", Role.PRINTED_TRAIN),
      e("fonts-dejavu-core", "DejaVuSansMono.ttf", Role.PRINTED_TRAIN),
      e("fonts-dejavu-core", "DejaVuSansMono-Bold.ttf", Role.PRINTED_TRAIN),
      e("fonts-liberation2", "LiberationSans-Regular.ttf", Role.PRINTED_TRAIN),
      e("fonts-liberation2", "LiberationSans-Bold.ttf", Role.PRINTED_TRAIN),
      e("fonts-liberation2", "LiberationSerif-Regular.ttf", Role.PRINTED_TRAIN),
      e("fonts-liberation2", "LiberationSerif-Bold.ttf", Role.PRINTED_TRAIN),
      e("fonts-liberation2", "LiberationMono-Regular.ttf", Role.PRINTED_TRAIN),
      e("fonts-liberation2", "LiberationMono-Bold.ttf", Role.PRINTED_TRAIN),
      e("fonts-freefont-ttf", "FreeSans.ttf", Role.PRINTED_TRAIN),
      e("fonts-freefont-ttf", "FreeSansBold.ttf", Role.PRINTED_TRAIN),
      e("fonts-freefont-ttf", "FreeSerif.ttf", Role.PRINTED_TRAIN),
      e("fonts-freefont-ttf", "FreeMono.ttf", Role.PRINTED_TRAIN),
      e("fonts-lato", "Lato-Regular.ttf", Role.PRINTED_TRAIN),
      e("fonts-lato", "Lato-Bold.ttf", Role.PRINTED_TRAIN),
      e("fonts-lato", "Lato-Light.ttf", Role.PRINTED_TRAIN),
      e("fonts-lato", "Lato-Black.ttf", Role.PRINTED_TRAIN),
      e("fonts-open-sans", "OpenSans-Regular.ttf", Role.PRINTED_TRAIN),
      e("fonts-open-sans", "OpenSans-Bold.ttf", Role.PRINTED_TRAIN),
      e("fonts-open-sans", "OpenSans-Light.ttf", Role.PRINTED_TRAIN),
      e("fonts-cantarell", "Cantarell-Regular.otf", Role.PRINTED_TRAIN),
      e("fonts-cantarell", "Cantarell-Bold.otf", Role.PRINTED_TRAIN),
      e("fonts-sil-andika", "Andika-Regular.ttf", Role.PRINTED_TRAIN),
      e("fonts-sil-andika", "Andika-Bold.ttf", Role.PRINTED_TRAIN),
      e("fonts-go", "Go-Regular.ttf", Role.PRINTED_HELD_OUT),
      e("fonts-go", "Go-Bold.ttf", Role.PRINTED_HELD_OUT),
      e("fonts-go", "Go-Medium.ttf", Role.PRINTED_HELD_OUT),
      e("fonts-go", "Go-Mono.ttf", Role.PRINTED_HELD_OUT),
      e("fonts-inconsolata", "Inconsolata.otf", Role.PRINTED_HELD_OUT));

  private FontCatalog() {}

  private static Entry e(String pkg, String file, Role role) {
    return new Entry(pkg, file, role);
  }

  /** The entries with one of {@code roles}. */
  public static List<Entry> of(Role... roles) {
    List<Role> wanted = List.of(roles);
    return ENTRIES.stream().filter(e -> wanted.contains(e.role())).toList();
  }

  /** Whether every font of the catalogue is in {@code dir}. */
  public static boolean present(Path dir) {
    return ENTRIES.stream().allMatch(e -> Files.isRegularFile(dir.resolve(e.pkg()).resolve(e.file())));
  }

  /**
   * Loads {@code entries} from {@code dir}.
   *
   * @throws UserError (INPUT) naming the file and the fetch script when one is missing or unreadable
   */
  public static List<NamedFont> load(Path dir, List<Entry> entries) {
    List<NamedFont> fonts = new ArrayList<>();
    for (Entry e : entries) {
      Path file = dir.resolve(e.pkg()).resolve(e.file());
      if (!Files.isRegularFile(file)) {
        throw ImageFiles.problem(file, "no such font; fetch the fonts with scripts/fetch-fonts.sh");
      }
      try {
        fonts.add(new NamedFont(e, Font.createFont(Font.TRUETYPE_FONT, file.toFile())));
      } catch (IOException | FontFormatException ex) {
        throw ImageFiles.problem(file, "not a font Java can read (" + ex.getMessage() + ")", ex);
      }
    }
    return fonts;
  }
}
