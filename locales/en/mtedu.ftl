# mtedu messages, English. Every key here must exist in fr/mtedu.ftl too.
# Finding messages are keyed by code (MT1234) with the fix in MT1234-help.
# Write for a 10-year-old: what is wrong, where, how to fix it.

## Output

summary-clean = All good: no problems found.
summary-counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] 1 note
       *[other] { $infos } notes
    }.
label-where = where
label-help = how to fix

## Discovery

MT0001 = "{ $path }" does not exist.
MT0001-help = Check the spelling of the path, or run the command from the folder that holds your mod.
MT0002 = No mod, game, world or lesson was found here.
MT0002-help = A mod is a folder with an init.lua file (and a mod.conf). Give the path of that folder.
MT0003 = The game "{ $game }" is not installed.
MT0003-help = Give the name of an installed game (run "mtedu doctor" to see them) or the path of a game folder.

## Conf files (mod.conf, game.conf, world.mt…)

MT1001 = This line has no "=" sign, so the game ignores it: { $text }
MT1001-help = Write it as "key = value", for example "depends = default".
MT1002 = This line has a value but no name before the "=".
MT1002-help = Put the name of the setting before the "=", for example "description = My mod".
MT1003 = This text starts with """ but is never closed, so the rest of the file is swallowed into it.
MT1003-help = Add a line with only """ where the text should end.
MT1004 = This group starts with "{"{"}" but is never closed.
MT1004-help = Add a line with only "{"}"}" where the group should end.
MT1005 = This file starts with invisible characters (a "byte order mark"), so the game cannot read the first line.
MT1005-help = Save the file as "UTF-8 without BOM" in your text editor.
MT1006 = This file is not saved as UTF-8 text, so letters like é or ç will come out wrong.
MT1006-help = Save the file with the "UTF-8" encoding in your text editor.

MT1010 = "{ $key }" is not a setting that { $file } knows.
MT1010-help = { $suggestion ->
        [none] Check the spelling, or remove this line.
       *[other] Did you mean "{ $suggestion }"?
    }
MT1011 = "{ $key }" is written twice; the game only keeps this last one (the first is on line { $first }).
MT1011-help = Keep only one "{ $key }" line.
MT1012 = "release" is added by ContentDB when it publishes your work.
MT1012-help = Remove this line from your own files.
MT1013 = "name" in game.conf is an old way to give the game's title.
MT1013-help = Write "title = …" instead of "name = …".

## Old files

MT1020 = depends.txt is an old file: new versions of the game may stop reading it.
MT1020-help = Move the dependencies into mod.conf, as "depends = mod1, mod2" (add "optional_depends =" for the ones ending with ?), then delete depends.txt.
MT1021 = description.txt is an old file.
MT1021-help = Put the text in mod.conf as "description = …", then delete description.txt.
MT1022 = The mod "{ $name }" has no mod.conf file.
MT1022-help = Create a file named mod.conf in this folder with at least the line "name = { $suggestion }".
MT1023 = modpack.txt is an old way to mark a modpack.
MT1023-help = Create a file named modpack.conf with the line "name = …" (you may keep modpack.txt for very old versions).
MT1024 = The mod "{ $name }" has no init.lua file, so the game refuses to load it.
MT1024-help = Create init.lua in this folder: it is the file the game runs first.

## Names

MT1101 = "{ $name }" cannot be a mod name: only small letters a to z, digits and _ are allowed.
MT1101-help = { $source ->
        [conf] Change it to "{ $suggestion }".
       *[folder] Rename the folder to "{ $suggestion }", or add "name = { $suggestion }" to mod.conf.
    }
MT1102 = "{ $name }" is already used by the game or by Lua, so a mod cannot be called that.
MT1102-help = Pick another name, for example "my_{ $name }".
MT1103 = The folder is called "{ $folder }" but mod.conf says the mod is "{ $name }". The game uses "{ $name }".
MT1103-help = Rename the folder to "{ $name }", or change "name =" in mod.conf so both match.
MT1104 = "{ $entry }" has a space in it: a comma is probably missing between two names.
MT1104-help = Separate names with commas: { $fixed }
MT1105 = "{ $entry }" is not a valid name: only small letters a to z, digits and _ are allowed.
MT1105-help = Did you mean "{ $suggestion }"?

## Dependencies

MT1201 = The mod "{ $mod }" needs "{ $dependency }", but "{ $dependency }" cannot be found, so the game will not load "{ $mod }".
MT1201-help = { $suggestion ->
        [none] Install "{ $dependency }", choose a game that has it (--game), or remove it from "depends".
       *[other] Did you mean "{ $suggestion }"? Otherwise install "{ $dependency }" or remove it from "depends".
    }
MT1202 = "{ $dependency }" is not installed; "{ $mod }" will work without it.
MT1202-help = { $suggestion ->
        [none] Nothing to do, unless you want what "{ $dependency }" adds.
       *[other] Did you mean "{ $suggestion }"?
    }
MT1203 = These mods need each other in a circle, so none of them can load first: { $cycle }
MT1203-help = Remove one of these dependencies so the circle is broken.

## Translations

MT1401 = These translations come before any "# textdomain: { $domain }" line, so the game does not know which mod they belong to and never uses them.
MT1401-help = Add the line "# textdomain: { $domain }" at the very top of the file.
MT1402 = This file is named for the text domain "{ $expected }", but this line says "{ $found }", so the game only uses these translations for "{ $found }".
MT1402-help = Write "# textdomain: { $expected }" (the name your mod gives to minetest.get_translator), or rename the file if "{ $found }" is right.
MT1403 = This line has no "=" sign, so the game cannot tell the original text from its translation and skips it: { $text }
MT1403-help = Write the original text, then "=", then the translation, for example "Hello=Bonjour". If the text itself has an "=" sign, write it "@=".
MT1404 = "{ $escape }" is not a code the game understands: after "@" it expects @, =, n or a digit from 1 to 9.
MT1404-help = Write "@@" for a real "@" sign, "@1", "@2"… for the parts the mod fills in, "@n" for a new line and "@=" for an "=" sign.
MT1405 = In the original text, the parts the mod fills in must be numbered @1, @2, @3… in that order, without skipping or repeating one. Here "{ $found }" comes where "{ $expected }" should be.
MT1405-help = Number them in order in the original text (before the "="), exactly as in your Lua code. In the translation (after the "=") you may put them in any order.
MT1406 = The translation uses "{ $arg }", but the original text (before the "=") has no "{ $arg }", so the game leaves a hole here.
MT1406-help = Use only the @ numbers that appear in the original text, or write "@@" if you mean a real "@" sign.
MT1407 = The translation file "{ $file }" is not named "textdomain.language.tr", so the game never loads it.
MT1407-help = Rename it to "{ $mod }.fr.tr" for French, "{ $mod }.de.tr" for German, and so on: the mod name, a dot, the language code, then ".tr".
MT1408 = "{ $file }" is a gettext file: only Luanti 5.10 and newer read it, older versions ignore it.
MT1408-help = Nothing to do if your players have Luanti 5.10 or newer. Otherwise also give the same translations in a .tr file.
MT1409 = This file starts with invisible characters (a "byte order mark"), so the game misreads the first line. If it is the "# textdomain:" line, every translation is lost.
MT1409-help = Save the file as "UTF-8 without BOM" in your text editor.
MT1410 = This file is not saved as UTF-8 text, so the game skips the lines with letters like é or ç.
MT1410-help = Save the file with the "UTF-8" encoding in your text editor.

## Settingtypes

MT1501 = The settings menu cannot read this line: { $text }
MT1501-help = A setting line looks like "mymod_speed (Speed of my mod) int 5 1 10": the name, a readable name in round brackets, the type, then the default value. Sections look like "[My section]" and comments start with "#".
MT1502 = "{ $type }" is not a type of setting the game knows, so "{ $name }" is left out of the settings menu.
MT1502-help = { $suggestion ->
        [none] Use one of: int, float, bool, string, enum, flags, path, filepath, key, v3f, noise_params_2d, noise_params_3d.
       *[other] Did you mean "{ $suggestion }"?
    }
MT1503 = { $has_value ->
        [no] The setting "{ $name }" has no value after "{ $type }", so the settings menu cannot use it.
       *[yes] "{ $value }" is not { $type ->
            [int] a whole number
            [float] a number
            [bool] exactly true or false
            [enum] one of the choices ({ $choices })
            [flags] one of the flags ({ $choices })
            [v3f] a position like (1, 2, 3)
           *[other] written the way { $type } needs
        }, so the settings menu cannot use "{ $name }".
    }
MT1503-help = { $type ->
        [int] Write a whole number such as 5 or -3, then, if you want, the smallest and the biggest allowed: "{ $name } (…) int 5 0 10".
        [float] Write a number with a dot, such as 0.5, then, if you want, the smallest and the biggest allowed: "{ $name } (…) float 0.5 0.0 1.0".
        [bool] Write exactly "true" or "false" after "bool", with nothing after it, not even a space.
        [enum] Write the default, a space, then all the choices separated by commas; the default must be one of them: "{ $name } (…) enum medium small,medium,big".
        [flags] Write the default flags, a space, then all the possible flags, separated by commas without spaces: "{ $name } (…) flags red,blue red,green,blue".
        [v3f] Write three numbers in round brackets, separated by commas: "(0, 1.5, 0)".
        [noise_params_2d] Write it like "0, 1, (100, 100, 100), 1234, 3, 0.5, 2.0": offset, scale, (spread), seed, octaves, persistence, lacunarity.
        [noise_params_3d] Write it like "0, 1, (100, 100, 100), 1234, 3, 0.5, 2.0": offset, scale, (spread), seed, octaves, persistence, lacunarity.
       *[other] Check what you wrote after the type.
    }
MT1504 = The default value { $value } of "{ $name }" is { $max ->
        [none] smaller than its minimum { $min }.
       *[other] not between its minimum { $min } and its maximum { $max }.
    }
MT1504-help = Change the default so that it is between the smallest and the biggest allowed value, or change these limits.
MT1505 = The setting "{ $name }" is written twice; the first one is on line { $first }.
MT1505-help = Keep only one line for "{ $name }", or give the other setting a different name.
MT1506 = "{ $name }" has "secure." in its name: only the game engine itself may have such settings, so it refuses this one.
MT1506-help = Pick a name without "secure.", for example one that starts with your mod's name.
MT1507 = This file starts with invisible characters (a "byte order mark"), so the settings menu cannot read the first line.
MT1507-help = Save the file as "UTF-8 without BOM" in your text editor.
MT1508 = This file is not saved as UTF-8 text, so letters like é or ç will look wrong in the settings menu.
MT1508-help = Save the file with the "UTF-8" encoding in your text editor.
