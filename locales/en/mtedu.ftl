# mtedu messages, English. Every key here must exist in fr/mtedu.ftl too.
# Finding messages are keyed by code (MT1234) with the fix in MT1234-help,
# at the end of this file in code order (a test keeps the order).
# Write for a 10-year-old: what is wrong, where, how to fix it.

## Output

report-more-not-shown = … and { $count } more { $code } findings in { $path }, not shown: fix the ones above and run again.
summary-clean = All good: no problems found.
summary-counts = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] { $infos } info
       *[other] { $infos } infos
    }.
label-where = where: { $place }
label-help = how to fix: { $help }

## info and api

engine-start-failed = The embedded engine could not start
info-loaded = { $count ->
        [0] No mod of yours loaded completely.
        [1] Mod loaded: { $mods }
       *[other] Mods loaded ({ $count }): { $mods }
    }
info-no-own-mods = There is no mod of yours here, so nothing is listed. To see what the game itself adds, add --all.
info-game-only = There is no mod of yours here: this is what the game itself adds.
info-nodes = Nodes (blocks)
info-craftitems = Craft items
info-tools = Tools
info-entities = Entities (mobs and moving things)
info-chatcommands = Chat commands
info-privileges = Privileges
info-aliases = Aliases (other names)
info-counts = Craft recipes: { $crafts } · ABMs (blocks that change by themselves): { $abms } · LBMs (changes when a block loads): { $lbms }
api-summary = Of the { $total } functions of the real engine's core API ({ $version }): { $simulated } simulated, { $partial } partly simulated, { $missing } not simulated yet.

## Doctor

doctor-title = What this PC has for Minetest / Luanti
doctor-engines = Engine programs
doctor-engine = { $kind ->
        [server] Server
       *[client] Game window
    }: { $name } { $version } ({ $path })
doctor-version-unknown = version unknown
doctor-engines-none = No Minetest or Luanti program was found.
doctor-games = Games
doctor-game = { $title } (id "{ $id }"): { $path }
doctor-games-none = No game was found.
doctor-user-dirs = Your folders for mods and worlds
doctor-user-dir = { $path }: { $mods ->
        [yes] has a mods folder
       *[no] no mods folder yet
    }, { $worlds ->
        [yes] has a worlds folder
       *[no] no worlds yet
    }
doctor-user-dir-absent = { $path }: not there
doctor-missing = What is missing
doctor-missing-server = The Minetest server is not installed: you need it to run a session on this PC.
doctor-missing-client = The Minetest game window is not installed on this PC: you need it to play or to look at the pupils' work.
doctor-missing-game = No game is installed: the server needs one (such as Minetest Game) to start a world.
doctor-missing-minetest_game = Minetest Game is not installed: most lessons and mods are made for it.
doctor-missing-user_dir = There is no folder for your own mods and worlds yet. The first start of the game creates it, or you can create it now.
doctor-missing-user_mods = The folder { $path } has no mods folder yet: that is where the pupils' mods go.
doctor-fix = To fix, type:
doctor-ready = Ready: this PC has a server and a game for your sessions.
doctor-not-ready = Not ready yet: type the commands above, then run "mtedu doctor" again.

## mtedu test

test-at = at
test-expected = expected
test-actual = got
test-none = No test found: put tests in files named spec/something_spec.lua inside your mod.
test-summary = { $passed } passed, { $failed } failed, { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $pending } pending.
test-junit-failed = Could not write the JUnit report
test-not-run = not run
test-not-run-file = every test of this file
test-run-timeout = The time for the whole run is up (--timeout { $seconds } s): { $count ->
        [one] { $count } test was not run (marked –).
       *[other] { $count } tests were not run (marked –).
    } Give more time with --timeout, or look for the slow tests.
test-fix = to fix
test-labelled = { $label }: { $text }
test-lua-says = Lua says
test-escapes-hidden = (texts shown as a player reads them: their translation and colour marks are hidden)
test-stage-loading = (loading the spec file)
test-stage-spec-file = (running the spec file)
test-stage-teardown = (the blocks' teardown)
test-stage-whole-file = (the whole file)
test-stage-loading-mod = (loading the mod { $mod })
test-said-no-mod = there is no mod in { $a }
test-said-api-broken = mtedu's test API failed to start: { $a }
test-said-unreadable = the spec file cannot be read: { $a }
test-said-not-loaded = the mod { $a } was not loaded: it depends on { $b }, which could not be loaded (install it, or choose the game that has it with --game)
# The spec runner's own errors ($a: what the spec named)
test-said-mineunit-conf = spec/mineunit.conf cannot be read as Lua: { $a }
test-said-mineunit-time-step = spec/mineunit.conf: time_step must be a number, not { $a }
test-said-mineunit-place-unknown = world.place_node: no node { $a } is registered (register it first, or load the mod or fixture that does)
test-said-mineunit-module-unknown = mineunit("{ $a }"): mtedu does not simulate this mineunit module yet; leave the line out if the spec can do without it
test-said-spec-require-unknown = a spec can require only mineunit, luassert (with luassert.match, .spy, .stub and .mock) and say, not "{ $a }"
test-said-finally-outside-test = finally() belongs inside it(): call it in the test it cleans up after
# What the assertions say ($a, $b… in order: values as shown, numbers, names)
test-said-assertion-failed = assertion failed
test-said-a-true-value = a true value
test-said-not = not { $a }
test-said-differ = the values differ
test-said-equal = the values are equal
test-said-not-same = the values are not the same
test-said-same = the values are the same
test-said-nil-or-false = nil or false
test-said-not-nil-or-false = neither nil nor false
test-said-want-truthy = a value other than nil and false was expected
test-said-want-falsy = nil or false was expected
test-said-want-value = { $a } was expected
test-said-want-not-value = anything but { $a } was expected
test-said-a-type = a value of type { $a }
test-said-typed = { $a } (type { $b })
test-said-want-type = a value of type { $a } was expected
test-said-want-not-type = anything but a value of type { $a } was expected
test-said-not-near = the number is not near enough
test-said-too-near = the number is too near
test-said-text-matching = a text matching { $a }
test-said-no-match = the text does not match the pattern
test-said-match = the text matches the pattern
test-said-no-value-twice = no value twice
test-said-twice = a value appears twice
test-said-all-unique = every value is different
test-said-an-error = an error
test-said-no-error = no error
test-said-want-error = an error was expected
test-said-want-no-error = no error was expected
test-said-error-matching = an error matching { $a }
test-said-want-error-matching = an error matching the pattern was expected
test-said-want-no-error-matching = no error matching the pattern was expected
test-said-values-count = { $a ->
        [one] { $a } value
       *[other] { $a } values
    }
test-said-other-count = a different number of values
test-said-same-count = the same number of values
test-said-a-hole = a hole
test-said-no-hole = no hole
test-said-hole-at = a hole at { $a }
test-said-want-hole = a hole in the array was expected
test-said-want-no-hole = no hole in the array was expected
test-said-no-call = (no call)
test-said-never-called-with = the spy was never called with these values
test-said-called-with = the spy was called with these values
test-said-never-returned = the spy never returned these values
test-said-returned = the spy returned these values
test-said-calls = { $a ->
        [one] { $a } call
       *[other] { $a } calls
    }
test-said-calls-at-least = at least { test-said-calls }
test-said-calls-at-most = at most { test-said-calls }
test-said-calls-more-than = more than { test-said-calls }
test-said-calls-less-than = less than { test-said-calls }
test-said-not-called-as-expected = the spy was not called as expected
test-said-called-that-many = the spy was called that many times
test-said-too-few-calls = the spy was called too few times
test-said-too-many-calls = the spy was called too many times
test-said-needs-value = { $a } needs a value
test-said-needs-values = { $a } needs { $b } values, it got { $c }
test-said-bad-value = { $a }: { $b ->
        [expected] the expected value is not a number
        [actual] the value got is not a number
        [tolerance] the tolerance is not a number
        [numbers] it needs numbers
        [pattern] the pattern must be a text
        [text] the text must be a text
        [start] the start must be a number
        [function] the first value must be a function
        [length] the length must be a number
        [chain] it must follow assert.array(t)
        [matcher] every value must be a matcher
        [reference] it needs a table, a function or an object
       *[other] wrong value
    } ({ $c })

## New

new-created = Created the mod { $dir } with these files:
new-next = Next: change the code in init.lua, then run
    {"  "}mtedu check { $dir }
    {"  "}mtedu test { $dir }
new-invalid-name = "{ $name }" cannot be a mod name: use only small letters (a-z), digits and "_". Try "{ $suggestion }".
new-reserved-name = "{ $name }" is a word the game or Lua keeps for itself: choose another name, for example "my_{ $name }".
new-exists = "{ $path }" already exists: mtedu never writes over your work. Choose another name, or use --dir to create the mod elsewhere.
new-io-failed = Could not write "{ $path }": { $error }
new-unknown-template = There is no template "{ $name }". The templates are: { $all }

## Pack and install

pack-kind = { $kind ->
        [mod] mod
        [modpack] modpack
        [game] game
        [world] world
        [lesson] lesson
        [texture_pack] texture pack
       *[other] package
    }
pack-done = Archive ready: { $archive } ({ $kind } "{ $name }", { $files ->
        [one] { $files } file
       *[other] { $files } files
    }, { $size }).
install-created-user-folder = This user had no Minetest / Luanti folder yet (the game never ran here): mtedu created { $path }, the one the game uses.
install-done = Installed: { $kind } "{ $name }" is now in { $path }.
progress-pack = Packing
progress-install = Installing

## mtedu serve
serve-no-server = No Minetest / Luanti server is installed on this PC. Install one with: sudo apt install minetest-server (then "mtedu doctor" checks it).
serve-no-mods = No mod was found to serve. Run "mtedu serve" inside a mod's folder, or give the folders of the mods.
serve-busy = The world { $world } is already served by another "mtedu serve". Stop that one first (Ctrl-C in its window), or choose another world with --world.
serve-wrong-game = The world { $world } was made for the game { $has }, not { $wanted }. Use --game { $has }, or choose another world with --world.
serve-io = Could not read or write { $path }: { $error }
serve-start-failed = The server did not start. What it said:
    { $log }
serve-no-answer = The server did not answer ({ $action }). It may be stuck: stop it with Ctrl-C and start "mtedu serve" again.
serve-started = Server ready on port { $port } (started in { $ms } ms). Ctrl-C stops it and saves the world.
serve-watching = Watching { $mods }: save a file and it is live in the game.
serve-rejected = { $mod }: the code has mistakes (below), so the game keeps the last version that worked. Fix them and save again.
serve-rejected-chat = [mtedu] { $mod }: mistake at { $place }: { $message } The game keeps the previous version.
serve-soft = { $mod } reloaded in { $ms } ms: the change is live, players stay connected.
serve-soft-chat = [mtedu] { $mod } was reloaded: try your change!
serve-hard-names = { $mod } now registers other things (a new block, a removed command…): the server restarted in { $ms } ms. Players must reconnect.
serve-hard-failed = { $mod } could not be reloaded in the running game ({ $message }): the server restarted in { $ms } ms. Players must reconnect.
serve-callback-error = { $mod }: { $callback } stopped with an error{ $place ->
        [none] {""}
       *[other] {" "}in { $place }
    }: { $what } To fix: { $fix } It is turned off until the file is saved again; the game goes on.
serve-callback-chat = [mtedu] { $mod }: { $line } (turned off until the next save)
serve-frozen = The server froze: { $callback } of { $mod } (its function at { $place }) ran for { $ms } ms without ending (a loop that never stops?). The server was killed and restarts without { $mod } until its file is saved again. Players must reconnect.
serve-frozen-kept = The server froze: { $callback } of { $mod } (its function at { $place }) ran for { $ms } ms without ending. { $mod } is not a watched mod, so the server was killed and restarts with it. Players must reconnect.
serve-frozen-unknown = The server froze: it did not answer for { $ms } ms while no mod's callback was running, so the cause is unknown. The server was killed and restarts. Players must reconnect.
serve-frozen-chat = [mtedu] The server froze in { $mod } ({ $callback }, { $place }): a loop that never ends? { $mod } is switched off until its file is saved again.
serve-frozen-kept-chat = [mtedu] The server froze in { $mod } ({ $callback }, { $place }) and was restarted.
serve-frozen-unknown-chat = [mtedu] The server froze and was restarted (the cause is unknown).
serve-shutdown-by = The server stopped because { $mod } asked it to (minetest.request_shutdown at { $place }, message: "{ $message }"). It restarts; if the mod asks again at each start, remove that line and save.
serve-shutdown-by-code = The server stopped because it was asked to (minetest.request_shutdown at { $place }, message: "{ $message }"). It restarts.
serve-crashed-unknown = The server stopped by itself and its log shows no error: the cause is unknown. It restarts.
serve-privileges = { $mod } ({ $place }) changed the privileges of { $player }: { $changes } (+ given, - taken away).
serve-privileges-reverted = The classroom preset took back { $privileges } from { $player }: only the teacher gives those (with /grant, from the teacher's account).
serve-crashed = The server stopped by itself. Its last error lines:
    { $log }
serve-restored = The world did not load any more, so the backup { $backup } was put back (the broken files were kept beside the backups).
serve-back = The server is back (started again in { $ms } ms): players can reconnect.
serve-server-gone = The server stopped while mtedu was waiting for it.
serve-engine = Server: { $version } ({ $program }); every save is checked for this version.
serve-join = Players join with this address: { $addresses } (port { $port }).
serve-teacher = Teacher account: { $name } (every privilege: /time, /teleport, /grant…); pupils have interact, shout, fly, fast, home. Join as { $name } to use them.
serve-class = { $count } servers ready, one per pupil (each pupil types their own address and port):
serve-same-name = { $mod } is in several folders: { $folders }. One server loads each mod name once, so only one of them could run. Give each pupil a world and a server of their own: mtedu serve --per-pupil { $pupils }
serve-same-pupil = Two pupils' folders are called { $pupil }: rename one, each pupil needs a name of their own.
serve-no-port = There are not enough ports above --port for every pupil: choose a lower --port.
serve-bad-teacher = { $name } cannot be a player's name: use 1 to 20 letters, digits, - or _.
serve-warnings = { $mod }: warnings (the change is live, but have a look):
serve-soft-looks = { $mod } reloaded in { $ms } ms: its behaviour is live; its look (tiles, description, images…) reaches players when they join.
serve-restarting = { $players } must reconnect to see the change of { $mod }: the server restarts in { $seconds } s (they were told in the chat).
serve-hard-looks = { $mod } changed its look (tiles, description, images…): the server restarted in { $ms } ms so that { $message } see it; they click "Reconnect".
serve-restart-looks-chat = [mtedu] { $mod } changed its look: the server restarts in { $seconds } s, click "Reconnect" to see it.
serve-restart-chat = [mtedu] { $mod } changed: the server restarts in { $seconds } s, click "Reconnect" to come back.
serve-gave-up = The server stopped too many times in one minute. Fix the error shown above and save: serve will start it again.
serve-link-outside = { $mod }: { $link } is a link to { $target }, outside the pupil's folder. Nothing of this mod goes to the server now (it keeps the last version that worked), and mtedu copies nothing through the link. Replace the link with a real folder or file (a copy of what it points to), then save again.
serve-stopped = Server stopped, world saved.
serve-world-broken = The world cannot be read any more ({ $message }). Put a backup back: they are in the folder next to the world, ending in ".backups".
serve-hard-media = { $mod }: a texture, sound or model the players already have was changed or removed, so the server restarted in { $ms } ms (players get the new one when they reconnect).
serve-status = { $address } · { $count ->
        [0] no player yet
        [one] { $count } player ({ $players })
       *[other] { $count } players ({ $players })
    } · last change: { $last } · last error: { $error }
serve-status-none = none
## lint: recipes, mod.conf name, argument counts, code after return, compared names, --fix

fix-applied = Fixed { $path }:{ $line }: { $after ->
        [none] removed "{ $before }"
       *[other] "{ $before }" became "{ $after }"
    } ({ $code }).
fix-skipped = { $path } was not fixed: { $reason ->
        [changed] it changed while mtedu was reading it. Run the command again.
        [mismatch] it does not hold what the finding says any more. Run the command again.
       *[other] { $reason }.
    }
fix-summary = { $count ->
        [0] Nothing could be fixed automatically.
        [one] { $count } mistake fixed automatically.
       *[other] { $count } mistakes fixed automatically.
    }
## Lessons

lessons-line = { $id }  { $title } ({ $low }–{ $high } years, { $minutes } min)
lessons-next = Start a lesson with: mtedu lessons start ID
lessons-unknown = There is no lesson "{ $id }". The lessons are: { $all }
lessons-started = The lesson "{ $title }" is ready in { $dir }
lessons-started-next = Read { $handout }, change init.lua, then run
    {"  "}mtedu check { $dir }
    to see which objectives you have met.
lessons-exists = "{ $path }" already exists: mtedu never writes over your work. Choose another folder.
lessons-io-failed = Could not write "{ $path }": { $error }
lessons-show-written = The printable page of "{ $title }" is in { $path }
lessons-show-opening = Opening the printable page { $path }
lessons-show-no-browser = No program could open { $path } (tried xdg-open, sensible-browser): open it in your web browser.
lessons-show-more = Printable page: mtedu lessons show { $id } --html handout.html (or --open)
class-table-pupil = Pupil
class-table-errors = Errors
class-table-warnings = Warnings
class-table-objectives = Objectives
class-table-not-checked = not checked (error)
objectives-summary = Objectives: { $met }/{ $total } ✓
objectives-next = Next objective: { $text }
objectives-hint = Hint: { $hint }
objectives-done = Well done: you met every objective of the lesson!
objectives-unreadable = The objectives cannot be checked because the lesson file has mistakes (see above).
objectives-mod-broken = The objectives cannot be checked until the error above is fixed: fix it, then run mtedu check again.
objectives-not-shipped = The objectives cannot be checked: this copy’s lesson.toml names the lesson "{ $id }", which mtedu does not ship. Make a new copy with mtedu lessons start.
new-lesson-created = Created the lesson { $dir }: lesson.toml, handout.md, starter/, solution/ and checks/.
new-lesson-next = Next: write the objectives in lesson.toml and checks/objectives_spec.lua, then run
    {"  "}mtedu check { $dir }
new-game-created = Created the game { $dir } with its first mod in mods/.
new-game-next = Next: add mods in { $dir }/mods, then run
    {"  "}mtedu check { $dir }
new-invalid-folder-name = "{ $name }" cannot be used: use only small letters (a-z), digits, "-" and "_". Try "{ $suggestion }".
test-seed = Random numbers started from seed { $seed }: run again with --seed { $seed } to get exactly the same results.
serve-no-good-version = { $mod } has mistakes (shown above) and no earlier version of it has worked yet, so the server cannot start with it. Fix them, then start "mtedu serve" again.

## mtedu class
class-created = The class { $dir } is ready: { $count } pupils doing "{ $title }".
class-created-code = Class code for the pupils: { $code } (they type it in: mtedu class join)
class-created-next = Start the class with: mtedu class { $dir }
class-no-pupils = No pupil names: write them after the folder (mtedu class new cm2 --lesson 1 alice bob) or give a file with --names FILE.
class-names-unreadable = Could not read the names file "{ $path }": { $error }
class-name-invalid = "{ $name }" cannot be a pupil name: only letters without accents, digits, - and _ (at most 20). Try "{ $suggestion }".
class-name-invalid-bare = "{ $name }" cannot be a pupil name: only letters without accents, digits, - and _ (at most 20).
class-name-twice = "{ $name }" is given twice (also as "{ $other }"): each pupil needs a name of their own, for example with the first letter of the surname ({ $name }_b).
class-name-reserved = "{ $name }" cannot be a folder name on Windows: choose another one ({ $name }_1 for example).
class-exists = "{ $path }" already exists: mtedu never writes over a class. Choose another folder.
class-io-failed = Could not write "{ $path }": { $error }
help-cmd-class = A whole class: mtedu class new makes it, mtedu class DIR runs it.
help-cmd-class-new = Make a class folder: a copy of the lesson for each pupil, and class.toml.
help-arg-class-new-dir = The class folder to make (it must not exist yet).
help-arg-class-new-lesson = The lesson: its number (1), its name (first-block) or both (01-first-block).
help-arg-class-new-names = A file with one pupil name a line (# starts a comment).
help-arg-class-new-engine = The server program the class uses (auto: the one mtedu doctor finds).
help-arg-class-new-pupils = The pupils' names (letters without accents, digits, - and _).
class-listening-page = Dashboard (for the projector): http://{ $address }/
class-listening-pupils = Pupils send their work with: mtedu class join http://{ $address } --code { $code } --name THEIR_NAME
class-listening-teacher = Your key to the dashboard (do not show it): http://{ $address }/login?token={ $token }
class-not-started = { $reason } (This server starts as soon as the mod loads; the others go on.)
class-push-wait = Too many wrong codes from this PC: wait a minute, then check the class code with your animator.
class-push-wrong-code = This is not the class code: look at the code your animator shows (six letters and digits) and type it again.
class-push-unknown-pupil = There is no pupil called "{ $name }" in this class: use your name exactly as your animator wrote it.
class-push-no-length = The class PC needs to know the size of what is sent: send it again with mtedu class join.
class-push-too-big = What you sent is { $size } MB; the class PC takes at most { $limit } MB. Remove big files (pictures, sounds) you do not use.
class-push-interrupted = The sending stopped halfway: nothing was changed on the class PC. Save again to send it again.
class-push-stored = The class PC has your mod and checked it:
class-push-refused = The class PC refused what you sent, and kept your last version:
class-push-wrong-mod = The class PC expects your mod { $expected }, not "{ $mod }": run mtedu class join in your lesson's folder.
class-push-io = The class PC could not store your mod ({ $error }): tell your animator.
class-join-unreachable = The class PC ({ $url }) does not answer: check the address with your animator. Your next save will try again.
class-join-not-one-mod = "{ $dir }" must hold exactly one mod (it holds { $count }): run mtedu class join in your lesson's folder.
help-cmd-class-join = On a pupil's PC: send each save to the class PC and show what it says.
help-arg-class-join-url = The class PC's address, as its screen shows it: http://192.168.1.10:8080
help-arg-class-join-name = Your name, exactly as your animator wrote it.
help-arg-class-join-code = The class code your animator shows.
help-arg-class-join-dir = Your mod's folder (if not given: this folder).
help-arg-class-join-once = Send once and stop (instead of at each save).
class-ending = Stopping every server and saving the worlds…
class-ended = The class is over: every world is saved.
class-config-missing = "{ $path }" is missing: is this a class folder? Make one with: mtedu class new DIR --lesson 1 alice bob
class-config-unreadable = Could not read "{ $path }": { $error }
class-config-invalid = "{ $path }" cannot be used: { $error }
class-no-pupil-mod = "{ $path }" has no mod: put the pupil's copy back (mtedu lessons start N { $path }) or remove the pupil from class.toml.
class-listen-failed = The dashboard cannot listen on { $address }: { $error }. Choose another --port.
class-page-title = The class
class-page-pupil = Pupil
class-page-saved = Last save
class-page-never = no save yet
class-page-problem = What is wrong
class-page-none = nothing wrong
class-page-objectives = Objectives
class-page-ended = The class is over: every server is stopped and every world saved.
class-page-gone = The class PC does not answer (is mtedu class still running?).
class-page-token = Teacher key (printed in the terminal):
class-page-open = Open
class-page-players = in the game:
class-page-crashed = server stopped
class-page-starting = starting
class-page-waiting = no server until the mod loads
class-page-checking = checking…
class-page-next = Next:
class-page-port = port
class-page-seconds = { $n } s ago
class-page-minutes = { $n } min ago
class-page-stuck-error = stuck: same error for { $n } min
class-page-stuck-quiet = stuck: no save for { $n } min
class-page-freeze = Freeze everyone
class-page-unfreeze = Let them move
class-page-gather = Bring everyone to me
class-page-say = Message to all:
class-page-send = Send
class-page-reload = Reload the mod
class-page-show = Show the file
class-page-close = Close
class-page-actions = Teacher actions
class-action-frozen = { $players } players are frozen on { $servers } servers (players who join now are frozen too).
class-action-released = { $players } players can move again, on { $servers } servers.
class-action-gathered = { $players } players were brought next to you.
class-action-no-teacher = You are in none of the pupils' games (as "{ $teacher }"): join a pupil's server first, then bring them.
class-action-said = Message sent to { $players } players on { $servers } servers.
class-action-no-servers = No server is running yet: wait until they have started.
class-action-none-answered = None of the { $running } servers answered: they may be restarting. Try again in a few seconds.
class-action-no-server = { $pupil } has no server yet: it starts by itself as soon as their mod loads.
class-action-reloaded = { $pupil }'s mod was loaded again.
class-action-reload-rejected = { $pupil }'s mod was not loaded again: it has mistakes (see the row). Their server keeps the last version that worked.
class-action-reload-failed = { $pupil }'s server did not take the mod again: look at the terminal for why.
class-action-wait = Too many wrong keys from this PC: wait a minute.
class-action-not-teacher = Only the teacher can do this: open the dashboard with your key (printed in the terminal).
class-action-not-from-page = This request does not come from the dashboard page: refused.
class-action-bad-request = The class PC did not understand this request: reload the page and try again.
class-action-busy = The servers did not answer in time (is the class ending?). Try again.
class-file-unknown-pupil = There is no pupil called "{ $pupil }" in this class.
class-file-outside = Only files inside { $pupil }'s folder can be shown.
class-file-unreadable = Could not read "{ $file }": { $error }
help-arg-class-dir = The class folder (made by mtedu class new; if not given: this folder).
help-arg-class-bind = The dashboard's address: 0.0.0.0 for the class's PCs, 127.0.0.1 for this PC only.
help-arg-class-port = The TCP port of the dashboard.
help-arg-class-game-port = The UDP port of the first pupil's game server; the next pupils get +1, +2…
help-arg-class-stuck-minutes = Minutes with the same error, or without a save, before a pupil shows as stuck.
help-arg-class-server = The server program (if not given: class.toml's, or the one mtedu doctor finds).

## Command line: --help texts, mistakes on the command line, -v

help-heading-usage = Usage:
help-heading-options = Options
help-heading-arguments = Arguments
help-heading-commands = Commands
help-default = default: { $value }
help-choices = one of: { $values }
help-about = mtedu helps you make Minetest / Luanti mods and check them.
help-cmd-validate = Check how mods, games, worlds and lessons are put together (files, names, mod.conf).
help-cmd-lint = Find mistakes in the Lua code of mods, then try loading them.
help-cmd-check = Check everything at once (validate + lint). The one command to run.
help-cmd-test = Run the mod's tests (spec/*_spec.lua) in a pretend world.
help-cmd-info = Load mods and show what they add (blocks, items, commands…).
help-cmd-api = Show which engine functions mtedu knows how to pretend.
help-cmd-doctor = Show what this PC has for Minetest / Luanti, and how to install what is missing.
help-cmd-new = Make something new from a model: mtedu new mod my_mod
help-cmd-new-mod = A new mod, ready for "mtedu check" and "mtedu test".
help-cmd-new-lesson = A new lesson folder: lesson.toml, handout, starter, solution, checks.
help-cmd-new-game = A new game: game.conf and a first mod in mods/.
help-cmd-pack = Make a zip of a mod, game, texture pack, world or lesson, to share it.
help-cmd-install = Put a zip or a folder into your Minetest / Luanti folder.
help-cmd-serve = Start a server for the class; each save of a mod is live in the game.
help-cmd-lessons = List the ready lessons, or start one: mtedu lessons start 1
help-cmd-lessons-start = Copy a lesson's starting mod for a pupil (never over existing work).
help-cmd-help = Show this help, or the help of a command.
help-arg-help = Show this help.
help-arg-version = Show mtedu's version.
help-arg-lang = Language of the messages (if not given: from LANG).
help-arg-format = How to show the results: text for people, or JSON for programs.
help-arg-color = When to use colours (NO_COLOR turns them off in auto).
help-arg-quiet = Only show errors.
help-arg-verbose = Also say what was found and checked.
help-arg-paths = Mods, modpacks, games, worlds or lessons (if not given: this folder).
help-arg-game = The game to use with loose mods: a game name or a game folder (if not given: minetest_game when installed).
help-arg-no-installed = Do not use the games and mods installed on this PC.
help-arg-engine = The engine version to check against: 5.6, 5.10 or 5.15 (if not given: the version of the server on this PC, else the newest).
help-arg-time-limit = Seconds mod code may run while loading before it is stopped.
help-arg-memory-limit = Memory mod code may use, in MiB.
help-arg-check-no-play = Do not play the mods for a moment after loading them (placing, punching, chat commands…).
help-arg-lint-fix = Also correct the mistakes whose fix is sure (minetest.env:, !=, a misspelt engine function).
help-arg-test-filter = Only run the tests whose name contains this text.
help-arg-test-fail-fast = Stop at the first test that fails.
help-arg-test-seed = Start the random numbers from this number, to replay a run.
help-arg-test-junit = Also write the results to this file, as JUnit XML.
help-arg-test-timeout = Seconds for the whole run (default 120); the tests left without time are listed as not run.
help-arg-info-all = Also list what the game and the engine add.
help-arg-api-coverage = List every function with its status, not only the counts.
help-arg-new-mod-name = The mod's name: small letters, digits and _ only (like my_mod).
help-arg-new-mod-template = What the mod starts with: empty, node, craftitem, tool, craft, chatcommand, entity or formspec.
help-arg-new-lesson-name = The lesson folder's name: small letters, digits, - and _ (like 07-my-lesson).
help-arg-new-game-name = The game folder's name: small letters, digits, - and _ (like my_game).
help-arg-dir = The folder to create it in (if not given: this folder).
help-arg-author = Your name, written into the licence.
help-arg-lessons-start-id = The lesson: its number (1), its name (first-block) or both (01-first-block).
help-arg-lessons-start-dirs = Folders that each get a copy, one per pupil: "alice" gives alice/first_block (if not given: this folder).
help-cmd-lessons-show = Show a lesson's handout here, or as the printable page.
help-arg-lessons-show-id = The lesson: its number (1), its name (first-block) or both (01-first-block).
help-arg-lessons-show-html = Write the printable page (HTML) to this file instead.
help-arg-lessons-show-open = Open the printable page in the web browser.
help-arg-pack-path = The folder to pack (if not given: this folder).
help-arg-pack-output = The zip file to write (if not given: <name>.zip in this folder).
help-arg-install-source = A zip file or a folder.
help-arg-install-to = The Minetest / Luanti folder to install into (if not given: ~/.minetest, ~/.luanti or the flatpak one).
help-arg-install-force = Replace what is installed under the same name (a backup is kept).
help-arg-install-max-size = Refuse zips that unpack to more than this, in MiB.
help-arg-serve-paths = Mods (or folders of mods) to watch (if not given: this folder).
help-arg-serve-world = The world to serve, made when missing (if not given: a world of mtedu's own).
help-arg-serve-game = The game of the world: a game name.
help-arg-serve-port = The UDP port players connect to.
help-arg-serve-bind = The address to listen on: 0.0.0.0 lets the class's PCs join, 127.0.0.1 only this PC.
help-arg-serve-preset = The world's settings: classroom (creative, no damage, no fights, time stopped) or plain (the game's own).
help-arg-serve-server = The server program (if not given: the one "mtedu doctor" finds).
help-arg-serve-per-pupil = Each path is one pupil's folder (alice, or alice/first_block): a world and a server per pupil, on ports --port, --port + 1… (for pupils writing the same mod).
help-arg-serve-teacher = The teacher's player name, who gets every privilege (if not given: your login name).
help-value-paths = PATHS
help-value-options = OPTIONS
help-value-command = COMMAND
help-value-path = PATH
help-value-version = VERSION
help-value-game = GAME
help-value-seconds = SECONDS
help-value-mib = MIB
help-value-filter = TEXT
help-value-n = N
help-value-file = FILE
help-value-name = NAME
help-value-template = TEMPLATE
help-value-dir = FOLDER
help-value-dirs = FOLDERS
help-value-author = AUTHOR
help-value-minutes = MINUTES
help-value-url = URL
help-value-code = CODE
help-value-id = LESSON
help-value-source = SOURCE
help-value-world = WORLD
help-value-port = PORT
help-value-bind = ADDRESS
help-value-preset = PRESET
help-value-server = PROGRAM
help-value-teacher = NAME
help-value-lang = LANG
help-value-format = FORMAT
help-value-color = COLOR
cli-error-label = error:
cli-unknown-argument = "{ $arg }" is not something "{ $command }" understands.
cli-unknown-command = "{ $arg }" is not a command of "{ $command }".
cli-missing-value = "{ $arg }" needs a value just after it.
cli-invalid-value = "{ $value }" does not work for "{ $arg }".
cli-missing-argument = "{ $command }" needs more: { $arg }
cli-missing-command = "{ $command }" needs a command: { $commands }
cli-other = This command line is not right: { $detail }
cli-possible-values = You can write: { $values }
cli-value-help = { $arg }: { $help }
cli-did-you-mean = Did you mean "{ $suggestion }"?
cli-try-help = To see what you can write: { $command } --help
verbose-engine-flag = Engine: { $version } (chosen with --engine).
verbose-engine-server = Engine: { $version } (the server of this PC, { $program }, says { $reported }; --engine chooses another).
verbose-engine-newest = Engine: { $version } (no server found on this PC: the newest mtedu knows; --engine chooses another).
verbose-checked = Checked { $list }.
verbose-count-mods = { $count ->
        [one] { $count } mod
       *[other] { $count } mods
    }
verbose-count-modpacks = { $count ->
        [one] { $count } modpack
       *[other] { $count } modpacks
    }
verbose-count-games = { $count ->
        [one] { $count } game
       *[other] { $count } games
    }
verbose-count-worlds = { $count ->
        [one] { $count } world
       *[other] { $count } worlds
    }
verbose-count-texture-packs = { $count ->
        [one] { $count } texture pack
       *[other] { $count } texture packs
    }
verbose-count-lessons = { $count ->
        [one] { $count } lesson
       *[other] { $count } lessons
    }
verbose-templates = Left out, being templates a program turns into mods (not mods themselves): { $folders }.
verbose-game = Game used for dependencies: { $game } ({ $path }).
verbose-no-game = No game used for dependencies: none was given and minetest_game is not installed.
verbose-no-installed = Installed games and mods are not used (--no-installed).
verbose-game-not-found = The game "{ $game }" was not found, so no game is used for dependencies.
verbose-installed-mods = { $count ->
        [one] { $count } installed mod
       *[other] { $count } installed mods
    } can satisfy dependencies (your mods folders: { $dirs }).
verbose-none = none
verbose-doctor-programs = Looked for { $programs } in: { $dirs }.
verbose-doctor-games = Looked for games in: { $dirs }.
verbose-doctor-user-dirs = Looked for your Minetest / Luanti folder at: { $dirs }.

## Pack and install: safety (issue 7 audit)

pack-io-reason = { $io ->
        [not-found] the file or folder does not exist
        [permission] you are not allowed to do this here
        [disk-full] the disk is full
        [read-only] the disk can only be read, not written
        [not-a-folder] a part of the path is a file, not a folder
        [is-a-folder] it is a folder, not a file
        [exists] something with that name is already there
        [in-use] another program is using it
        [bad-name] the name is too long or not allowed
        [other-disk] it is on another disk
        [loop] links go round in a circle
       *[other] { $reason }
    }

severity-error = error
severity-warning = warning
severity-info = info

## the watchdog

engine-stuck-search = error[MT3005]: { $place }: this code never finishes. It is stuck in the text search ({ $function }) of this line: its pattern makes Lua try too many ways, and nothing can stop Lua there, so mtedu stops.
engine-stuck-search-help = how to fix: simplify that pattern, for example avoid several ".*" or "a*" one after the other.
engine-stuck-unknown = error[MT3005]: { $place }: this code never finishes. It is stuck in a part that cannot be stopped (outside Lua), and mtedu cannot tell which call it is: the cause is unknown. This is the last place mtedu saw running; nothing can stop the code there, so mtedu stops.
engine-stuck-unknown-help = how to fix: look at what this place calls with a lot of data or a complicated pattern (a text search, a very long text), and try it with less.

## Findings: what was given on the command line (MT00xx)
MT0001 = "{ $path }" does not exist.
MT0001-help = Check the spelling of the path, or run the command from the folder that holds your mod.
MT0002 = No mod, game, world or lesson was found here.
MT0002-help = A mod is a folder with an init.lua file (and a mod.conf). Give the path of that folder.
MT0003 = The game "{ $game }" is not installed.
MT0003-help = Give the name of an installed game (run "mtedu doctor" to see them) or the path of a game folder.
MT0004 = mtedu cannot read the { $kind ->
        [folder] folder
       *[file] file
    } "{ $path }": { $reason ->
        [denied] you are not allowed to read it (its permissions forbid it).
       *[other] the computer says "{ $detail }".
    }
MT0004-help = { $reason ->
        [denied] Ask your teacher, or the person who owns this { $kind ->
            [folder] folder
           *[file] file
        }, to let you read it. They can type: { $kind ->
            [folder] chmod -R a+rX "{ $path }"
           *[file] chmod a+r "{ $path }"
        } (or, if it belongs to someone else: sudo chown -R $USER "{ $path }").
       *[other] Check that the disk or USB stick still works and that no other program is using the { $kind ->
            [folder] folder
           *[file] file
        }, then try again.
    }

## Findings: validate (MT1xxx)
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
MT1012 = "release" is added by ContentDB (the website where Minetest mods are shared) when it publishes your work.
MT1012-help = Remove this line from your own files.
MT1013 = "name" in game.conf is an old way to give the game's title.
MT1013-help = Write "title = …" instead of "name = …".
MT1014 = "{ $key }" in { $file } is read from { $since } on; this is checked for { $target }, which ignores the line.
MT1014-help = On a { $target } server this line does nothing. If the class's server is newer, check with --engine { $flag }; otherwise do without it.
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
MT1301 = The folder "{ $folder }" must be called "{ $expected }": the game only looks in a folder with exactly that name, so the files in "{ $folder }" are never loaded.
MT1301-help = Rename the folder "{ $folder }" to "{ $expected }", exactly like that, in small letters.
MT1302 = The game ignores the file "{ $file }": its name may only use the letters a to z and A to Z, digits, _, . and - (no spaces, no accents).
MT1302-help = Rename it to "{ $suggestion }", and use that new name in your Lua code.
MT1303 = The mods "{ $mod }" and "{ $other }" both have a file called "{ $file }" (the other one is { $other_path }). Players only get one of the two, so one mod will show the wrong picture or play the wrong sound.
MT1303-help = { $suggestion ->
        [none] Give the file in "{ $mod }" another name and use that name in your code. If "{ $mod }" is meant to replace the file of "{ $other }", add "{ $other }" to "depends" in mod.conf.
       *[other] Rename the file to "{ $suggestion }" and use that name in your code. If "{ $mod }" is meant to replace the file of "{ $other }", add "{ $other }" to "depends" in mod.conf.
    }
MT1304 = This file is very big ({ $size } MB, more than { $limit } MB). If it is a picture, a sound or a model, every player who joins must download it, which is slow; big files also make your work heavy to share on ContentDB (the website where Minetest mods are shared).
MT1304-help = Make the file smaller (a shorter or lower-quality sound, a smaller picture), or remove it if the game does not need it.
MT1305 = The game ignores the file "{ $file }" because its ending is in capital letters: the game only knows endings in small letters, like ".png" or ".ogg".
MT1305-help = Rename it to "{ $suggestion }", and use that new name in your Lua code.
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
MT1408 = "{ $file }" is a gettext file (a translation format used by many programs): only Luanti 5.10 and newer read it, older versions ignore it.
MT1408-help = Nothing to do if your players have Luanti 5.10 or newer. Otherwise also give the same translations in a .tr file.
MT1409 = This file starts with invisible characters (a "byte order mark"), so the game misreads the first line. If it is the "# textdomain:" line, every translation is lost.
MT1409-help = Save the file as "UTF-8 without BOM" in your text editor.
MT1410 = This file is not saved as UTF-8 text, so the game skips the lines with letters like é or ç.
MT1410-help = Save the file with the "UTF-8" encoding in your text editor.
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
MT1504 = { $limits ->
        [reversed] The minimum { $min } of "{ $name }" is bigger than its maximum { $max }, so no value can fit between them.
       *[other] The default value { $value } of "{ $name }" is { $max ->
            [none] smaller than its minimum { $min }.
           *[other] not between its minimum { $min } and its maximum { $max }.
        }
    }
MT1504-help = { $limits ->
        [reversed] Swap the two limits: write the smallest allowed value first, then the biggest ("{ $max } { $min }").
       *[other] Change the default so that it is between the smallest and the biggest allowed value, or change these limits.
    }
MT1505 = The setting "{ $name }" is written twice; the first one is on line { $first }.
MT1505-help = Keep only one line for "{ $name }", or give the other setting a different name.
MT1506 = "{ $name }" has "secure." in its name: only the game engine itself may have such settings, so it refuses this one.
MT1506-help = Pick a name without "secure.", for example one that starts with your mod's name.
MT1507 = This file starts with invisible characters (a "byte order mark"), so the settings menu cannot read the first line.
MT1507-help = Save the file as "UTF-8 without BOM" in your text editor.
MT1508 = This file is not saved as UTF-8 text, so letters like é or ç will look wrong in the settings menu.
MT1508-help = Save the file with the "UTF-8" encoding in your text editor.
MT1601 = The game "{ $game }" has no "mods" folder, so it has no mods: its worlds will be empty.
MT1601-help = { $found ->
        [none] Create a folder named "mods" inside the game folder and put the game's mods in it.
       *[other] Rename the folder "{ $found }" to "mods" (all small letters).
    }
MT1602 = game.conf does not give the game a title, so the menu shows the folder name "{ $game }" instead.
MT1602-help = Add a line like "title = My Great Game" to game.conf.
MT1603 = The folder "{ $folder }" in "{ $parent }" is neither a mod (it has no init.lua) nor a modpack (it has no modpack.conf). The game will try to load it as a mod and stop with an error.
MT1603-help = If it is a mod, add its init.lua file. If it is a group of mods, add a modpack.conf file. Otherwise move this folder out of "{ $parent }".
MT1701 = This world needs the game "{ $game }", but that game is not installed, so the world cannot start.
MT1701-help = { $suggestion ->
        [none] Install the game "{ $game }", or write the name of an installed game after "gameid =" (run "mtedu doctor" to see them).
       *[other] Did you mean "{ $suggestion }"? Otherwise install the game "{ $game }".
    }
MT1702 = world.mt does not say where to keep the world's data ({ $keys } missing), so the game uses old file formats that are out of date and may stop working one day.
MT1702-help = { $played ->
        [yes] This world was already played: ask an adult to convert its data with "minetestserver --world <the world folder> --migrate-players sqlite3" (and the same with --migrate-auth and --migrate-mod-storage) rather than editing world.mt by hand.
       *[no] Add these lines to world.mt: { $lines }
    }
MT1703 = world.mt switches on the mod "{ $mod }", but no mod with that name can be found, so it will not be loaded.
MT1703-help = { $suggestion ->
        [none] Install "{ $mod }" (in the world's worldmods folder, in the game or in your mods folder), or remove this line.
       *[other] Did you mean "{ $suggestion }"? Otherwise install "{ $mod }" or remove this line.
    }
MT1801 = The { $kind ->
        [game] game
        [modpack] modpack
       *[mod] mod
    } "{ $name }" has no licence file, so nobody knows if they may share it or change it.
MT1801-help = Add a file named LICENSE.txt that says how others may use your work (ask your teacher which licence to choose, for example MIT or CC BY-SA). ContentDB, the website where Minetest mods are shared, needs one to publish your work.
MT1901 = lesson.toml has a writing mistake here, so the lesson cannot be read ({ $detail }).
MT1901-help = Look at this line: texts need "quotes" at both ends, and each line is key = value. The format is explained in docs/lessons.md.
MT1902 = lesson.toml has no "{ $key }", and every lesson needs one.
MT1902-help = { $key ->
        [title] Add a title in both languages, for example: title = { "{" } fr = "Mon premier bloc", en = "My first block" { "}" }
        [summary] Add a one-sentence summary in both languages: summary = { "{" } fr = "…", en = "…" { "}" }
        [ages] Add the ages the lesson is for, youngest then oldest: ages = [8, 12]
        [duration] Add how many minutes the session lasts: duration = 60
        [objectives] Add at least one [[objectives]] block with an id, a text and a hint.
       *[other] Add "{ $key }" to this objective (an objective needs an id, a text and a hint).
    }
MT1903 = "{ $key }" holds the wrong kind of value.
MT1903-help = { $expected ->
        [text] Write a text between quotes, for example: { $key } = "minetest_game"
        [number] Write a number without quotes, for example: { $key } = 60
        [two-numbers] Write two numbers between brackets, youngest then oldest: { $key } = [8, 12]
        [fr-en] Write the text in both languages: { $key } = { "{" } fr = "…", en = "…" { "}" }
        [objectives] Write each objective as an [[objectives]] block.
       *[text-list] Write a list of describe names between brackets: { $key } = ["block"]
    }
MT1904 = "{ $key }" has no { $lang ->
        [fr] French
       *[en] English
    } text: every lesson is written in French and English.
MT1904-help = Add { $lang } = "…" to "{ $key }".
MT1905 = The value of "{ $key }" cannot be used: { $why ->
        [ages] the ages must be between 5 and 99, youngest first.
        [duration] a session lasts between 10 and 600 minutes.
        [id] an id uses only small letters (a-z), digits, "-" and "_".
        [preset] mtedu only knows the "classroom" world preset.
       *[empty] it is empty.
    }
MT1905-help = { $why ->
        [ages] Write for example: ages = [8, 12]
        [duration] Write the number of minutes, for example: duration = 60
        [id] Write for example: id = "first-block"
        [preset] Write preset = "classroom", or remove the line.
       *[empty] Write something in it, or remove it.
    }
MT1906 = Two objectives are called "{ $key }": pupils could not tell them apart.
MT1906-help = Give this objective another id.
MT1907 = The objective "{ $objective }" is checked by describe("{ $check }", …), but no spec in the checks folder has it, so the objective could never be met.
MT1907-help = Add describe("{ $check }", function() … end) to a checks/*_spec.lua file, or fix the name in checks = [...].
MT1908 = This lesson has no { $part ->
        [starter] starter folder: pupils would have nothing to start from.
       *[checks] checks/*_spec.lua file: its objectives cannot be checked.
    }
MT1908-help = { $part ->
        [starter] Create starter/ with the mod pupils begin with ("mtedu new lesson NAME" makes one).
       *[checks] Create checks/objectives_spec.lua with one describe block per objective.
    }
MT1909 = This lesson has no { $part ->
        [solution] solution folder: nothing shows that its objectives can be met.
       *[handout] handout.md: pupils get no instructions.
    }
MT1909-help = { $part ->
        [solution] Add solution/, a finished mod that meets every objective (the tests check it).
       *[handout] Write handout.md with the steps, in French and English.
    }
MT1910 = lesson.toml has a key "{ $key }" that mtedu does not know, so it is ignored.
MT1910-help = { $suggestion ->
        [none] Remove it, or check its spelling in docs/lessons.md.
       *[other] Did you mean "{ $suggestion }"?
    }

## Findings: lint (MT2xxx)
MT2001 = The game cannot read this line. Lua says: { $detail }
MT2001-help = Look at this line and the one just before it: a missing word, bracket, comma or quote is the usual cause.
MT2002 = This "{ $keyword }" has no "end", so the game cannot read the file.
MT2002-help = Every "{ $keyword }" needs its own "end". Add "end" on its own line where this block should stop.
MT2003 = This text is not closed: the quote that ends it is missing.
MT2003-help = Add the same quote (" or ') at the end of the text, on the same line.
MT2004 = This "{ $keyword }" needs the word "then" after its condition.
MT2004-help = Write it like this: { $keyword } condition then
MT2005 = This "{ $keyword }" loop needs the word "do".
MT2005-help = Write it like this: { $keyword } … do, then the lines to repeat, then end.
MT2006 = "=" puts a value into a variable. To compare two values, write "==".
MT2006-help = Replace "=" with "==" here.
MT2007 = This "{ $token }" closes something that was never opened.
MT2007-help = Remove it, or look at the lines above: maybe a block was closed too early, or one "end" too many was typed.
MT2008 = A comma is missing at the end of this line, before "{ $next }".
MT2008-help = In a table { "{" } … { "}" } (or between the values given to a function), put a comma after each part: for example description = "Block",
MT2009 = This comment starts with --[[ but is never closed.
MT2009-help = Add ]] where the comment should end.
MT2010 = "{ $operator }" does not exist in Lua: the game cannot read this line.
MT2010-help = In Lua, write "{ $lua }" instead of "{ $operator }".
MT2011 = "else if" starts a second "if", which needs its own "end".
MT2011-help = Write "elseif" (in one word) instead of "else if".
MT2012 = This line comes after "{ $keyword }" (line { $line }), in the same block: it could never run, so Lua refuses the whole file.
MT2012-help = Delete this line, or move it above the "{ $keyword }" on line { $line }. Nothing may follow "{ $keyword }" before the block's end (or else, elseif, until).
MT2101 = "{ $name }" is used here, but nothing gives it a value, so the mod will stop at this line.
MT2101-help = { $suggestion ->
        [none] Check the spelling. If another mod defines it, add that mod to "depends" in mod.conf.
       *[other] Did you mean "{ $suggestion }"?
    }
MT2102 = This function creates the global variable "{ $name }", which is not declared anywhere else.
MT2102-help = Write "local { $name }" at the top of the file if only this file uses it, or give it a first value at the top of the file.
MT2103 = "{ $name }" does not exist in the game.
MT2103-help = { $suggestion ->
        [none] Check the spelling in the Minetest documentation.
       *[other] Did you mean "{ $suggestion }"?
    }
MT2104 = "{ $name }" is read here, but nothing gives it a value: it is always nil (empty).
MT2104-help = { $suggestion ->
        [none] Check the spelling, or give it a value before this line.
       *[other] Did you mean "{ $suggestion }"?
    }
MT2105 = "{ $name }" is used in this function, but nothing gives it a value, so the function will stop here when it runs.
MT2105-help = { $suggestion ->
        [none] Check the spelling. If another mod defines it, add that mod to "depends" in mod.conf.
       *[other] Did you mean "{ $suggestion }"?
    }
MT2106 = "{ $name }" is an old way of doing this: newer versions of the game may remove it.
MT2106-help = Use { $replacement } instead: { $target } has it.
MT2107 = "{ $name }" is used here, but it is only created further down, on line { $line }: at this point it does not exist yet.
MT2107-help = Move the lines that create "{ $name }" (line { $line }) above this line.
MT2108 = { $name } needs { $required } argument(s) ({ $arguments }), but { $given } { $given ->
        [one] is
       *[other] are
    } given here: without the missing ones it cannot do its job (most often the game stops with an error on this line).
MT2108-help = Write all the arguments between the brackets, separated by commas: { $name }({ $arguments }).
MT2109 = { $name } takes at most { $most } argument(s) ({ $arguments }), but { $given } are given here: the extra ones are ignored.
MT2109-help = Remove the extra arguments. To join texts, use .. between them: "Hello " .. name.
MT2110 = "{ $name }" exists from { $since } on; this mod is checked for { $target }, which does not have it.
MT2110-help = On a { $target } server the mod stops at this line. If the class's server is newer, check with --engine { $flag }; otherwise test first that it exists: if { $name } then … end.
MT2114 = "{ $name }" comes from the mod "{ $provider }", which is not in your "depends": it works only because the game happens to load "{ $provider }" first.
MT2114-help = Add "{ $provider }" to "depends" in mod.conf (or to "optional_depends" if your mod also works without it), so that it always loads before yours.
MT2115 = "{ $name }" does not exist in the game, so its value here is nil (empty).
MT2115-help = { $suggestion ->
        [none] Check the spelling in the Minetest documentation. If you test whether it exists, write "if { $name } then".
       *[other] Did you mean "{ $suggestion }"?
    }
MT2201 = "{ $name }" is created here but never used.
MT2201-help = Remove it, or check that you did not misspell it where you meant to use it.
MT2202 = The argument "{ $name }" is never used in this function.
MT2202-help = If it is on purpose, rename it "_{ $name }".
MT2203 = This "{ $name }" hides the other "{ $name }" created on line { $line }.
MT2203-help = Give it another name, so that it is clear which one is meant.
MT2301 = "{ $field }" is not a field the game knows. Did you mean "{ $suggestion }"?
MT2301-help = Write "{ $suggestion }" instead, or the game will ignore this line.
MT2302 = "{ $field }" must be { $expected ->
        [table] a table, written with {"{"} {"}"}
        [text] a text, written between quotes
        [function] a function
       *[number] a number
    }.
MT2302-help = { $field ->
        [groups] For example: groups = {"{"} cracky = 3 {"}"}
       *[other] Look at how "{ $field }" is written in the examples or the documentation.
    }
MT2303 = "{ $value }" is not a value the game knows for "{ $field }".
MT2303-help = { $suggestion ->
        [none] Choose one of: { $allowed }
       *[other] Did you mean "{ $suggestion }"? The choices are: { $allowed }
    }
MT2304 = The game does not use the field "{ $field }" in { $function }; only your code (or another mod) can read it.
MT2304-help = If it is your own information, start its name with "_" (for example "_{ $field }"). Otherwise check the spelling.
MT2305 = { $field ->
        [none] This chat command has no "func", so typing it would crash the server.
       *[other] This chat command has no "func": "{ $field }" should be called "func", or typing the command would crash the server.
    }
MT2305-help = Add func = function(name, param) … return true, "message" end to say what the command does.
MT2306 = This row of the recipe has { $count } item(s), but the other rows have { $expected }: the game refuses a recipe whose rows are not all the same length, and stops the mod.
MT2306-help = Give this row { $expected } items. For an empty square, write "" (two quotes), like "default:stick", "", "default:stick".
MT2307 = "{ $value }" for "{ $field }" exists from { $since } on; this mod is checked for { $target }, which does not know it and uses "none": the node will not turn.
MT2307-help = If the class's server is newer, check with --engine { $flag }; otherwise write "{ $older }", which { $target } knows.
MT2401 = No mod has a texture named "{ $name }": the game will show a black and white checkerboard instead.
MT2401-help = Put an image called "{ $name }" in your mod's "textures" folder, or fix the name (capital letters count).
MT2402 = The recipe uses "{ $name }", but no mod creates an item with that name, so the recipe will never work.
MT2402-help = Check the spelling (for example "default:stone"), or add the mod that makes it to "depends" in mod.conf.
MT2403 = This command needs the privilege "{ $name }", but no mod creates it, so nobody can use the command.
MT2403-help = Use an existing privilege (like "interact" or "server"), or create it with minetest.register_privilege("{ $name }", …).
MT2404 = mod.conf says this mod is called "{ $name }", but its folder and its code use "{ $folder }" (like "{ $registered }"). The game believes mod.conf, so it refuses "{ $registered }".
MT2404-help = Write "name = { $folder }" in mod.conf, so that the mod's name matches its folder and its code.
MT2405 = No mod registers "{ $name }", so this comparison is never true (or, with ~=, always true). Did you mean "{ $suggestion }"?
MT2405-help = Check the spelling: write "{ $suggestion }" if that is the block or item you mean.
MT2406 = The recipe uses "{ $name }", but no loaded mod creates it: the recipe works only when a mod that adds this item is installed.
MT2406-help = If the item comes from another mod, put that mod in "optional_depends" and try the recipe with it installed; otherwise check the spelling.

## Findings: what the code means (MT25xx)
MT2501 = No tool can dig "{ $name }", not even the hand: the node has no groups, so once placed it can never be taken back.
MT2501-help = Give it groups that say how it is dug, like groups = {"{"} cracky = 3 {"}"} (with a pickaxe, like stone), {"{"} choppy = 2 {"}"} (an axe, like wood), {"{"} crumbly = 3 {"}"} (a shovel, like dirt) or {"{"} oddly_breakable_by_hand = 3 {"}"} (by hand). If nobody must ever dig it, write diggable = false.
MT2502 = { $why ->
        [negative] A light_source below 0 ({ $value }) does not make darkness: the game reads it as the brightest light there is, 14.
       *[high] A node's light goes up to 14 at most: the game turns light_source = { $value } into 14 (and writes a warning).
    }
MT2502-help = Give light_source a whole number from 0 (no light) to 14 (the brightest, like a mese lamp).
MT2503 = An ABM with interval = { $value } does not run all the time: the game looks at ABMs once a second, so this one runs once a second, just as with interval = 1.
MT2503-help = Write how many seconds to wait between two runs, 1 or more, like interval = 1. To do something at every step of the game, use minetest.register_globalstep.
MT2504 = "{ $name }" is registered twice, here and { $file ->
        [same] on line { $line }
       *[other] in { $file }, line { $line }
    }: the game keeps only the one registered last, without a word, and forgets the other.
MT2504-help = Give each thing its own name (for example "{ $name }_2"), or delete the registration you do not want any more.
MT2505 = "{ $name } == { $value }" compares "{ $name }" with { $value } (that gives true or false), so this table holds no group "{ $name }": the game refuses these groups and does not start.
MT2505-help = Write one equals sign to give the group its value: { $name } = { $value }.
MT2506 = "{ $object }.{ $method }(…)" is called with a dot: { $object } is an object of the game, and the dot does not give it to { $method }, so the game stops on this line when it runs.
MT2506-help = Write { $object }:{ $method }(…) with a colon: the colon gives { $object } to { $method }.
MT2507 = "{ $field } = { $base }.item_eat" gives the game the function that makes an eating function, not one that eats: when a player uses this item, the server stops.
MT2507-help = Call it with how much health to give back: { $field } = { $base }.item_eat(2) (2 is one heart).
MT2508 = This + adds up the text { $text }: in Lua, + only adds numbers, so this line stops the game when it runs.
MT2508-help = To join pieces of text, use .. instead of +, like "Hello " .. name.
MT2509 = This command makes the message "{ $name }" but never gives it back: the player who types the command sees nothing.
MT2509-help = End the function with return true, { $name } so that the game shows the message to the player.
MT2510 = "{ $name }" is created with local further down, on line { $line }, below this function: the function cannot see it, so here "{ $name }" is another variable, an empty one (nil).
MT2510-help = Move the line "local { $name } …" (line { $line }) up, above this function: at the top of the file.

## Findings: the engine loading the mods (MT3xxx)
MT3001 = The game cannot read this file. Lua says: { $detail }
MT3001-help = Look at this line and the one just before it: a missing "end", "then", "do", bracket or quote is the usual cause.
MT3002 = This line stops the mod "{ $mod }" while it loads, so the game will not start: { explain-what }
MT3002-help = { explain-fix }
MT3003 = { $stops ->
        [start] The game does not start: the mod "{ $mod }" needs "{ $missing }", { $why ->
            [skipped] which cannot load either.
           *[absent] which is not there.
        }
       *[mod] The game skips the mod "{ $mod }" because it needs "{ $missing }", { $why ->
            [skipped] which the game skips too.
           *[absent] which is not there.
        }
    }
MT3003-help = { $why ->
        [skipped] Fix "{ $missing }" first (see its own message): then this mod loads too.
       *[absent] Install "{ $missing }", or remove it from "depends" in mod.conf.
    }
MT3004 = mtedu cannot try this part yet: { $name } is not simulated, so the rest of "{ $mod }" was not checked.
MT3004-help = This is not your mistake. Test this part in the real game (mtedu serve) for now.
MT3005 = This code never finishes: it was still running after { $seconds } seconds.
MT3005-help = Look for a loop that never stops, like "while true do … end" or a "repeat … until" whose condition never becomes true.
MT3006 = This code uses too much memory (more than { $megabytes } MB).
MT3006-help = Look for a loop that keeps adding to a table or a text without ever stopping.
MT3007 = The game refuses to load the mod "{ $name }": its name may only use small letters a to z, digits and _.
MT3007-help = Rename the mod (its folder, or "name =" in mod.conf) with only small letters, digits and _.
MT3008 = The name "{ $name }" must start with "{ $prefix }", the name of your mod.
MT3008-help = Write "{ $fixed }" instead.
MT3010 = This function creates the global variable "{ $name }" without declaring it.
MT3010-help = Put "local { $name }" before the function if only this file uses it, or create it at the top of the file.
MT3011 = "{ $name }" is used here but was never given a value.
MT3011-help = Check the spelling: maybe it is a variable or function with a slightly different name.
MT3012 = The name "{ $name }" has a character the game does not allow: { $bad }. After the mod's name and ":", a name may only use letters without accents (a to z, A to Z), digits and _.
MT3012-help = Write "{ $fixed }" instead.
MT3501 = { play-when }, this line stops the game: { explain-what }
MT3501-help = { explain-fix }
MT3502 = { play-when }, this code never finishes: the game would freeze.
MT3502-help = Check that every loop (while, repeat, for) stops at some point.

## Findings: pack and install (MT4xxx)
MT4001 = Nothing was packed: the package has errors (shown in this list).
MT4001-help = Fix those errors, check with "mtedu check", then pack again.
MT4002 = This folder is not a package: { $count ->
        [1] it holds one, in a folder inside it ({ $names })
       *[other] it holds { $count } of them ({ $names })
    }.
MT4002-help = An archive holds one package. Give the folder of one of them, for example "mtedu pack { $first }", or make them a modpack (add a modpack.conf) to pack them together.
MT4003 = { $programs ->
        [none] This file changed while the world was being packed: the game is probably running on it.
       *[other] This world is open in another program ({ $programs }), so its databases may be half-saved.
    }
MT4003-help = Stop the server (or leave the world in the game), wait a few seconds, then pack again.
MT4004 = { $why ->
        [errors] Once packed, the package has errors (shown in this list): a file it needs was probably left out by .gitignore or .mteduignore.
       *[other] The archive, read back after writing, does not match the package ({ $detail }). It was not kept.
    }
MT4004-help = { $why ->
        [errors] Check the .gitignore and .mteduignore files of the package: they must not leave out files the package needs.
       *[other] Try again; if it happens again, check the disk (is it full?) and that nothing changes the files while packing.
    }
MT4005 = This package has no licence file, so ContentDB (the website where Minetest mods are shared) will refuse it and nobody may legally reuse it.
MT4005-help = Add a LICENSE.txt file that says how others may use the work (for example MIT for code, CC BY-SA for images and sounds).
MT4006 = This package has no screenshot.png, shown in the game's Content tab and on ContentDB (the website where Minetest mods are shared).
MT4006-help = Take a screenshot in the game (F12), crop it to about 300×200 pixels, and save it as screenshot.png in the package folder.
MT4007 = The archive weighs { $size } MB, more than the { $limit } MB that ContentDB (the website where Minetest mods are shared) accepts.
MT4007-help = Make big textures and sounds smaller (fewer pixels, .ogg sounds at a lower quality), or split the package into several.
MT4008 = The mod "{ $mod }" that this world switches on was copied into the archive's worldmods/ folder (from { $from }), so the world works on another PC.
MT4008-help = Nothing to do. To pack the world without it, switch the mod off in world.mt.
MT4009 = world.mt says "{ $key } = { $value }": that data is kept in a database server, not in the world folder, so it is not in the archive.
MT4009-help = To share the whole world, switch it to sqlite3 first (the game's "--migrate" options do it), or copy that database separately.
MT4010 = This could not be read or written: { pack-io-reason }.
MT4010-help = Check that the folder of the archive exists and that you may write there, that the disk is not full, and that the files of the package can be read.
MT4011 = The archive would be written inside the package it packs, so it would pack itself (and could overwrite one of its files).
MT4011-help = Write the archive outside the package folder, for example "-o ../{ $name }.zip".
MT4012 = This file already exists and is not a zip archive: mtedu never writes over it.
MT4012-help = Choose another name with -o, for example "-o { $name }.zip", or move that file away first if you really want to use this name.
MT4013 = This world plays the game "{ $game }", which was installed on this PC (from { $from }): it was copied into the archive as the world's own "game" folder, so the world works on a PC without it.
MT4013-help = Nothing to do. The game's licence must allow sharing it: check it before giving the archive away.
MT4014 = This world plays the game "{ $game }", which comes with the game engine: it is not in the archive.
MT4014-help = Nothing to do if the other PCs have the same version of Minetest / Luanti with "{ $game }" (check with "mtedu doctor").
MT4015 = Stopped as you asked (Ctrl-C): nothing was written, and the temporary files were removed.
MT4015-help = Run the same command again when you are ready; it starts from the beginning.
MT4016 = This is a link to { $target }, outside the package: that file or folder is put into the archive as a copy.
MT4016-help = Check that you really want to share it. If not, remove the link or list it in .mteduignore.
MT4017 = This link points to { $target }, which does not exist.
MT4017-help = Remove the link, or make it point to a file or folder that exists, then try again.
MT4101 = This file cannot be used as a zip archive: { $why ->
        [not-zip] it is not a zip archive, or its end is missing (cut short)
        [contents] its table of contents is broken
        [larger] "{ $entry }" holds more than the archive says
        [smaller] "{ $entry }" holds less than the archive says
        [data] the data of "{ $entry }" is damaged
       *[read] it could not be read ({ pack-io-reason })
    }.
MT4101-help = Download or copy the archive again; if it came from a USB stick, check that the copy finished.
MT4102 = The archive wants to write "{ $entry }", outside the folder it is installed into. This is how malicious archives attack a PC.
MT4102-help = Do not use this archive. Get the package from a source you trust, such as content.luanti.org.
MT4103 = The archive holds "{ $entry }", a link or special file, which could point anywhere on the PC.
MT4103-help = Do not use this archive. Packages never need links: get the package from a source you trust.
MT4104 = Once unpacked, this archive would take { $size } MB, more than the { $limit } MB limit.
MT4104-help = If you trust this archive and it really is that big (a large world), run the install again with a higher --max-size.
MT4105 = "{ $entry }" is compressed far more than any real file: this archive is a "zip bomb", made to fill the disk.
MT4105-help = Do not use this archive. Delete it.
MT4106 = This archive holds { $count } entries, more than the { $limit } any real package has.
MT4106-help = Do not use this archive: it is probably made to slow the PC down. Get the package from a source you trust.
MT4107 = The name "{ $entry }" is used twice in the archive (or both as a file and as a folder): one would overwrite the other.
MT4107-help = The archive is broken or malicious. Get the package again from its source.
MT4108 = "{ $entry }" and "{ $other }" differ only by capital letters: on Windows and macOS one overwrites the other, and the game may load the wrong one.
MT4108-help = Rename one of the two files (prefer small letters only) and make the archive again.
MT4109 = The name "{ $entry }" is not readable text (not UTF-8), so it would come out wrong.
MT4109-help = Rename the file with plain letters (a-z, 0-9, _ and -), or make the archive again with a tool that writes UTF-8 names.
MT4110 = No mod, modpack, game, world or texture pack was found in it.
MT4110-help = A mod has an init.lua or mod.conf, a game a game.conf, a world a world.mt, a texture pack a texture_pack.conf. A lesson folder must be packed first with "mtedu pack".
MT4111 = "{ $name }" is already installed here.
MT4111-help = To replace it, run the install again with --force: the installed version is kept as a backup.
MT4112 = No Minetest or Luanti folder was found for this user (~/.minetest, ~/.luanti or the flatpak one).
MT4112-help = Start the game once so that it creates its folder, or say where to install with --to, for example "--to ~/.minetest".
MT4113 = Nothing was installed: the package has errors (see above).
MT4113-help = Give the errors to the package's author, or fix them in a copy and install that folder.
MT4114 = "{ $entry }" is encrypted, split into several files, or compressed in a way mtedu does not read (only "deflate" and "stored").
MT4114-help = Make the archive again with an ordinary zip tool, without a password.
MT4115 = Installing failed while writing: { pack-io-reason }. Nothing was left half-installed.
MT4115-help = Check that you may write into the game's folder and that the disk is not full, then try again.
MT4116 = The version that was installed was moved to { $backup }.
MT4116-help = Delete that backup folder once the new version works.
MT4117 = The world "{ $name }" is open in another program ({ $programs }): replacing it now would break the game running on it and lose what it saves next.
MT4117-help = Stop the server (or leave the world in the game), wait a few seconds, then install again with --force.
MT4118 = This is a link to { $target }, outside the folder to install: installing would copy files from elsewhere on this PC.
MT4118-help = Install the archive made with "mtedu pack" instead, or replace the link with a copy of what it points to.
MT4119 = A mod named "{ $mod }" is already installed in { $other }: with two mods of the same name, the game loads only one of them.
MT4119-help = Remove or rename the other one first, or run the install again with --force if you really want both.

## The explainer of Lua errors (src/engine/explain): selected on $shape

explain-subject = { $kind ->
        [local] the variable "{ $name }"
        [global] the variable "{ $name }"
        [upvalue] the variable "{ $name }"
        [field] the field "{ $name }"
        [method] the method "{ $name }"
        [constant] the value "{ $name }"
       *[none] a value
    }
explain-what = { $shape ->
        [index-nil] { explain-subject } is empty (nil), so nothing can be read inside it.
        [index-value] { explain-subject } is { explain-type }, not a table: nothing can be read inside it with . or [ ].
        [call-nil] { explain-subject } is empty (nil): there is no function by that name to call.
        [call-method-nil] this object has no method "{ $name }".
        [method-wrong-object] the value before :{ $name }() has no such method: it is not the object this line thinks (a player, an inventory, a stack…).
        [call-typo] "{ $name }" does not exist: it is misspelt.
        [call-value] { explain-subject } is { explain-type }, not a function: it cannot be called with ( ).
        [arith-nil] { explain-subject } is empty (nil): Lua cannot calculate with it.
        [arith-string] { explain-subject } is text: Lua cannot add or calculate with text.
        [arith-value] { explain-subject } is { explain-type }, not a number: Lua cannot calculate with it.
        [concat-nil] { explain-subject } is empty (nil): it cannot be joined to a text with ..
        [concat-value] { explain-subject } is { explain-type }: only texts and numbers can be joined with ..
        [length-nil] { explain-subject } is empty (nil): it has no length (#).
        [length-value] { explain-subject } is { explain-type }: only texts and tables have a length (#).
        [compare-nil] one of the two values compared is empty (nil) ({ $value }).
        [compare] these two values cannot be compared with < or > ({ $value }).
        [bad-argument] { $function } got the wrong thing as its value number { $number }: { $expected ->
            [none] { $got }
           *[other] it wants { explain-expected }, it got { explain-got }
        }.
        [object-for-name] { $function } wants a name (a text) as its value number { $number }, it got a game object (a player?).
        [node-name] { $function } got no node where it needs one: a node is a table with a name, like {"{"}name = "default:stone"{"}"}.
        [not-a-position] { $function } wants a position {"{"}x = …, y = …, z = …{"}"}, it got { explain-type }.
        [position-coordinate] { $function } got a table without a number "{ $name }": it is not a position (a node {"{"}name = …{"}"} given instead of pos?).
        [not-an-item] { $function } got nothing it can read as an item: it wants a name like "default:dirt 5", a table or an ItemStack.
        [groups-value] { $value ->
            [boolean] a group in "groups" is true or false instead of a number: == is written where = is meant (groups = {"{"}snappy == 3{"}"}).
           *[other] a group in "groups" has { explain-type } instead of a number.
        }
        [groups-name] a group in "groups" has no name (groups = {"{"}3{"}"}): the engine cannot read it.
        [groups-table] "groups" is { explain-type }, not a table of groups.
        [engine-call] { $function } got { $value ->
            [nil] an empty value (nil)
           *[other] something
        } it cannot use from this line.
        [dot-call] "{ $name }" is called with a dot: the object it belongs to is not given to it.
        [recursion] a function calls itself again and again, without end.
        [blocked] a mod may only open the files of its folder and of the world ({ $message }).
        [missing-file] a file this line opens does not exist ({ $message }).
        [time-out] the code never finishes: probably an endless loop.
        [memory] the code uses far too much memory: a table or a text that grows for ever.
        [not-simulated] mtedu cannot try { $name } yet.
        [own-error] the mod stops with its own error: { $message }
       *[other] Lua says: { $message }
    }
explain-type = { $value ->
        [string] a text
        [number] a number
        [table] a table
        [boolean] true or false
        [function] a function
        [userdata] a game object
        [nil] an empty value (nil)
        [nothing] nothing
       *[other] a { $value }
    }
explain-expected = { $expected ->
        [string] a text
        [number] a number
        [table] a table
        [userdata] a game object
        [ItemStack] an ItemStack
        [function] a function
       *[other] a { $expected }
    }
explain-got = { $got ->
        [nil] an empty value (nil)
        [nothing] nothing
        [string] a text
        [number] a number
        [table] a table
        [boolean] true or false
        [function] a function
        [userdata] a game object
       *[other] { $got }
    }
explain-fix = { $shape ->
        [index-nil] { $kind ->
            [none] Check what this line reads from: one of the values is empty — a misspelt name, a function that returned nothing, or a player who is not there.
            [field] Check the spelling of the field "{ $name }", and that the table has it before this line.
           *[other] Check that { explain-subject } has a value before this line: a misspelt name, a function that returned nothing, or a player who is not there (add `if not { $name } then return end`).
        }
        [index-value] Read from the table itself, or check what { explain-subject } holds.
        [call-nil] Check the spelling of "{ $name }", and that its function is defined above this line.
        [call-method-nil] Check the spelling of "{ $name }" and that the object is the right one.
        [method-wrong-object] Check which value this line calls :{ $name }() on. A callback's values come in a fixed order: in on_punch(pos, node, puncher), the player is the third.
        [call-typo] Write { $suggestion } instead.
        [call-value] Remove the ( ) or use the name of the function.
        [arith-nil] { $kind ->
            [none] One of the values of this calculation is empty: give it a number before this line (or check the names' spelling).
           *[other] Give { explain-subject } a number before this line (or check its spelling), for example `local { $name } = 0` at the start.
        }
        [arith-string] To join texts, use .. and not +. To calculate, turn the text into a number with tonumber(…).
        [arith-value] Use a number here: a table or true/false cannot be added.
        [concat-nil] { $kind ->
            [none] One of the values joined with .. on this line is empty: check it, or write (value or "") to join an empty text instead.
           *[other] Check that { explain-subject } has a value, or write ({ $name } or "") to join an empty text instead.
        }
        [concat-value] Join a text made from it: for a position, minetest.pos_to_string(pos); for anything else, tostring(…).
        [length-nil] Check that { explain-subject } has a value before using # on it.
        [length-value] Use # only on a table or a text.
        [compare-nil] Check that both values exist before comparing them (one is often a misspelt name).
        [compare] Compare numbers with numbers: turn a text into a number with tonumber(…).
        [bad-argument] { $signature ->
            [none] Check what this line gives to { $function }, in the right order.
           *[other] The right order is { $signature }.
        }
        [engine-call] { $signature ->
            [none] Check what this line gives to { $function }, in the right order.
           *[other] The right order is { $signature }.
        }
        [object-for-name] Give its name: player:get_player_name() instead of player.{ $signature ->
            [none] {""}
           *[other] {" "}The right order is { $signature }.
        }
        [node-name] { $signature ->
            [none] Give it a node such as {"{"}name = "default:stone"{"}"}.
           *[other] The right order is { $signature }: the position first, then the node {"{"}name = "…"{"}"}.
        }
        [not-a-position] { $signature ->
            [none] Give it a position: the pos the function received, or vector.new(x, y, z).
           *[other] Give it a position (the pos the function received, or vector.new(x, y, z)): the right order is { $signature }.
        }
        [position-coordinate] { $signature ->
            [none] Give it the position (pos, with x, y and z), not the node.
           *[other] Give it the position (pos, with x, y and z), not the node: the right order is { $signature }.
        }
        [not-an-item] { $signature ->
            [none] Give it the item too, for example "default:dirt".
           *[other] The right order is { $signature }: give the item too, for example "default:dirt".
        }
        [groups-value] Write each group as a name, =, then a number: groups = {"{"}snappy = 3, oddly_breakable_by_hand = 1{"}"}.
        [groups-name] Write each group as a name, =, then a number: groups = {"{"}cracky = 3{"}"}.
        [groups-table] Write the groups inside braces: groups = {"{"}cracky = 3{"}"}.
        [dot-call] Write :{ $name }( instead of .{ $name }( so the object comes along.
        [recursion] Make sure the function stops calling itself at some point.
        [blocked] Check the path: use minetest.get_modpath(…) .. "/file" and do not forget the "/".
        [missing-file] Check the file's name, or create the file.
        [time-out] Check that every loop (while, repeat, for) stops at some point.
        [memory] Check that the loop adding to a table or a text stops.
        [not-simulated] Try it in the game with mtedu serve.
        [own-error] Read the mod's message: it says what is wrong.
       *[other] Read Lua's message: it says what is wrong on this line. Fix it, save and try again.
    }

## Play time: what check does with the mod for a moment ($when)

play-when = { $when ->
        [place-node] When a player places the block "{ $subject }"
        [punch-node] When a player punches the block "{ $subject }"
        [rightclick-node] When a player right-clicks the block "{ $subject }" with an empty hand
        [rightclick-node-item] When a player right-clicks the block "{ $subject }" holding an item
        [dig-node] When a player digs the block "{ $subject }"
        [node-timer] When the timer of the block "{ $subject }" rings
        [node-fields] When a player closes the form of the block "{ $subject }"
        [node-fields-empty] When the form of the block "{ $subject }" sends nothing
        [node-inventory] When a player puts an item into the block "{ $subject }"
        [remove-node] When the block "{ $subject }" is removed
        [use-node] When a player uses "{ $subject }" on a block
        [use-nothing] When a player uses "{ $subject }" pointing at the sky
        [use-object] When a player uses "{ $subject }" on another player
        [place-item] When a player places "{ $subject }" on a block
        [secondary-nothing] When a player right-clicks with "{ $subject }" pointing at the sky
        [secondary-object] When a player right-clicks with "{ $subject }" on another player
        [command-empty] When someone types /{ $subject } with nothing after it
        [command-word] When someone types /{ $subject } { $param }
        [command-number] When someone types /{ $subject } { $param }
        [command-player] When someone types /{ $subject } { $param } (a player's name)
        [playing] While the game runs with a player connected
        [join] When a player joins
        [leave] When a player leaves
        [die] When a player dies
        [respawn] When a player comes back to life
        [form] When a player closes the form "{ $subject }"
        [form-field] When a player clicks a button of the form "{ $subject }"
        [abm] When the block action on "{ $subject }" runs
        [lbm] When a block "{ $subject }" is loaded
        [entity-activate] When the entity "{ $subject }" appears
        [entity-step] While the entity "{ $subject }" lives
        [entity-punch] When a player hits the entity "{ $subject }"
        [entity-rightclick] When a player right-clicks the entity "{ $subject }"
        [hp-change] When a player's health changes
        [craft] When a player crafts something
       *[other] While playing
    }
label-detail = Lua says: { $detail }
class-showcase-included = ✓ { $pupil }: { $mod } is in the world (as { $name }).
class-showcase-broken = ✗ { $pupil }: { $mod } is left out, it has an error at { $place }: { $message }
class-showcase-clash = ✗ { $pupil }: { $mod } is left out: it registers { $name }, as { $other }'s mod already does. Give it another name in the pupil's code.
class-showcase-renamed-fails = ✗ { $pupil }: { $mod } is left out: it does not load under the name { $name }. Look for places where its code writes its own name in pieces.
class-showcase-no-mod = ✗ { $pupil }: there is no mod in this pupil's folder.
class-showcase-backup = The world that was there is kept in "{ $path }".
class-showcase-done = The showcase world "{ $world }" is ready with { $count } mods of { $total }. Play it with: mtedu serve --world { $world } — share it with: mtedu pack { $world }
help-cmd-class-showcase = The end of the session: one world with every pupil's mod that loads.
help-arg-class-showcase-dir = The class folder (if not given: this folder).
help-arg-class-showcase-world = The world to make (if not given: DIR-showcase, beside the class folder; a world already there is kept as a backup).
help-arg-class-showcase-server = The server program whose engine version the mods are checked for (if not given: class.toml's, or the one mtedu doctor finds).
class-push-name-taken = The name "{ $name }" is already used from another PC in this class: nothing was changed. Check that you typed your own name; if you changed PC, ask your animator to click "New PC" on your row.
class-join-key-not-kept = The class PC gave this PC your key, but it could not be kept in "{ $path }" ({ $error }): your next save will be refused. Tell your animator.
class-page-intruder = Another PC ({ $address }) tried to send work as { $name } at { $at }: refused. If { $name } changed PC, click "New PC".
class-page-new-pc = New PC
class-action-new-pc = { $pupil } can now send their work from a new PC (the old one is refused from now on).
