# Messages de mtedu, en français. Chaque clé doit aussi exister dans en/mtedu.ftl.
# Les messages des constats ont pour clé leur code (MT1234), la solution est dans MT1234-help,
# à la fin de ce fichier dans l’ordre des codes (un test garde cet ordre).
# Écrire pour un enfant de 10 ans : ce qui ne va pas, où, comment réparer.

## Affichage

report-more-not-shown = … et encore { $count } problèmes { $code } dans { $path }, non affichés : corrige ceux du dessus et relance.
summary-clean = Tout est bon : aucun problème trouvé.
summary-counts = { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, { $infos ->
        [one] { $infos } info
       *[other] { $infos } infos
    }.
label-where = où : { $place }
label-help = pour réparer : { $help }

## info et api

engine-start-failed = Le moteur intégré n’a pas pu démarrer
info-loaded = { $count ->
        [0] Aucun de tes mods ne s’est chargé jusqu’au bout.
        [1] Mod chargé : { $mods }
       *[other] Mods chargés ({ $count }) : { $mods }
    }
info-no-own-mods = Il n’y a ici aucun mod à toi, alors rien n’est listé. Pour voir ce que le jeu lui-même ajoute, ajoute --all.
info-game-only = Il n’y a ici aucun mod à toi : voici ce que le jeu lui-même ajoute.
info-nodes = Blocs (nodes)
info-craftitems = Objets (craftitems)
info-tools = Outils
info-entities = Entités (créatures et objets qui bougent)
info-chatcommands = Commandes de chat
info-privileges = Privilèges
info-aliases = Alias (autres noms)
info-counts = Recettes : { $crafts } · ABM (blocs qui changent tout seuls) : { $abms } · LBM (changements au chargement d’un bloc) : { $lbms }
api-summary = Sur les { $total } fonctions de l’API core du vrai moteur ({ $version }) : { $simulated } simulées, { $partial } simulées en partie, { $missing } pas encore simulées.

## Doctor

doctor-title = Ce que ce PC a pour Minetest / Luanti
doctor-engines = Programmes du jeu
doctor-engine = { $kind ->
        [server] Serveur
       *[client] Fenêtre de jeu
    } : { $name } { $version } ({ $path })
doctor-version-unknown = version inconnue
doctor-engines-none = Aucun programme Minetest ou Luanti n’a été trouvé.
doctor-games = Jeux
doctor-game = { $title } (identifiant « { $id } ») : { $path }
doctor-games-none = Aucun jeu n’a été trouvé.
doctor-user-dirs = Tes dossiers pour les mods et les mondes
doctor-user-dir = { $path } : { $mods ->
        [yes] dossier mods présent
       *[no] pas encore de dossier mods
    }, { $worlds ->
        [yes] dossier worlds présent
       *[no] pas encore de monde
    }
doctor-user-dir-absent = { $path } : absent
doctor-missing = Ce qui manque
doctor-missing-server = Le serveur Minetest n’est pas installé : il le faut pour lancer une séance sur ce PC.
doctor-missing-client = La fenêtre de jeu Minetest n’est pas installée sur ce PC : il la faut pour jouer ou pour regarder le travail des élèves.
doctor-missing-game = Aucun jeu n’est installé : le serveur en a besoin (par exemple Minetest Game) pour lancer un monde.
doctor-missing-minetest_game = Minetest Game n’est pas installé : la plupart des leçons et des mods sont faits pour lui.
doctor-missing-user_dir = Il n’y a pas encore de dossier pour tes mods et tes mondes. Le premier lancement du jeu le crée, ou tu peux le créer tout de suite.
doctor-missing-user_mods = Le dossier { $path } n’a pas encore de dossier mods : c’est là que vont les mods des élèves.
doctor-fix = Pour réparer, tape :
doctor-ready = Prêt : ce PC a un serveur et un jeu pour tes séances.
doctor-not-ready = Pas encore prêt : tape les commandes ci-dessus, puis relance « mtedu doctor ».

## mtedu test

test-at = à
test-expected = attendu
test-actual = obtenu
test-none = Aucun test trouvé : mets tes tests dans des fichiers nommés spec/quelquechose_spec.lua dans ton mod.
test-summary = { $passed ->
        [one] { $passed } réussi
       *[other] { $passed } réussis
    }, { $failed ->
        [one] { $failed } échoué
       *[other] { $failed } échoués
    }, { $errors } en erreur, { $pending } en attente.
test-junit-failed = Impossible d’écrire le rapport JUnit
test-not-run = pas lancé
test-not-run-file = tous les tests de ce fichier
test-run-timeout = Le temps pour tous les tests est écoulé (--timeout { $seconds } s) : { $count ->
        [one] { $count } test n’a pas été lancé (marqué –).
       *[other] { $count } tests n’ont pas été lancés (marqués –).
    } Donne plus de temps avec --timeout, ou cherche les tests trop lents.
test-fix = pour réparer
test-labelled = { $label } : { $text }
test-lua-says = Lua dit
test-escapes-hidden = (textes montrés comme un joueur les lit : leurs marques de traduction et de couleur sont cachées)
test-stage-loading = (chargement du fichier de tests)
test-stage-spec-file = (exécution du fichier de tests)
test-stage-teardown = (nettoyage après les blocs)
test-stage-whole-file = (tout le fichier)
test-stage-loading-mod = (chargement du mod { $mod })
test-said-no-mod = il n’y a pas de mod dans { $a }
test-said-api-broken = l’outil de tests de mtedu n’a pas pu démarrer : { $a }
test-said-unreadable = le fichier de tests ne peut pas être lu : { $a }
test-said-not-loaded = le mod { $a } n’a pas été chargé : il dépend de { $b }, qui n’a pas pu être chargé (installe-le, ou choisis le jeu qui l’a avec --game)
# Les erreurs du lanceur de tests lui-même ($a : ce que le test a nommé)
test-said-mineunit-conf = spec/mineunit.conf ne se lit pas comme du Lua : { $a }
test-said-mineunit-time-step = spec/mineunit.conf : time_step doit être un nombre, pas { $a }
test-said-mineunit-place-unknown = world.place_node : aucun bloc { $a } n’est enregistré (enregistre-le d’abord, ou charge le mod ou la fixture qui le fait)
test-said-mineunit-module-unknown = mineunit("{ $a }") : mtedu ne simule pas encore ce module de mineunit ; enlève la ligne si le test peut s’en passer
test-said-spec-require-unknown = un fichier de tests ne peut demander (require) que mineunit, luassert (avec luassert.match, .spy, .stub et .mock) et say, pas « { $a } »
test-said-finally-outside-test = finally() se met dans it() : appelle-le dans le test qu’il nettoie
# Ce que disent les assertions ($a, $b… dans l’ordre : valeurs montrées, nombres, noms)
test-said-assertion-failed = l’assertion n’est pas vraie
test-said-a-true-value = une valeur vraie
test-said-not = pas { $a }
test-said-differ = les valeurs sont différentes
test-said-equal = les valeurs sont égales
test-said-not-same = les valeurs ne sont pas les mêmes
test-said-same = les valeurs sont les mêmes
test-said-nil-or-false = nil ou false
test-said-not-nil-or-false = ni nil ni false
test-said-want-truthy = il fallait une valeur autre que nil et false
test-said-want-falsy = il fallait nil ou false
test-said-want-value = il fallait { $a }
test-said-want-not-value = il fallait autre chose que { $a }
test-said-a-type = une valeur de type { $a }
test-said-typed = { $a } (de type { $b })
test-said-want-type = il fallait une valeur de type { $a }
test-said-want-not-type = il fallait autre chose qu’une valeur de type { $a }
test-said-not-near = le nombre n’est pas assez proche
test-said-too-near = le nombre est trop proche
test-said-text-matching = un texte qui correspond à { $a }
test-said-no-match = le texte ne correspond pas au motif
test-said-match = le texte correspond au motif
test-said-no-value-twice = aucune valeur en double
test-said-twice = une valeur est en double
test-said-all-unique = toutes les valeurs sont différentes
test-said-an-error = une erreur
test-said-no-error = aucune erreur
test-said-want-error = il fallait une erreur
test-said-want-no-error = il ne fallait pas d’erreur
test-said-error-matching = une erreur qui correspond à { $a }
test-said-want-error-matching = il fallait une erreur qui correspond au motif
test-said-want-no-error-matching = il ne fallait pas d’erreur qui correspond au motif
test-said-values-count = { $a ->
        [one] { $a } valeur
       *[other] { $a } valeurs
    }
test-said-other-count = un autre nombre de valeurs
test-said-same-count = le même nombre de valeurs
test-said-a-hole = un trou
test-said-no-hole = aucun trou
test-said-hole-at = un trou en { $a }
test-said-want-hole = il fallait un trou dans le tableau
test-said-want-no-hole = il ne fallait pas de trou dans le tableau
test-said-no-call = (aucun appel)
test-said-never-called-with = l’espion n’a jamais été appelé avec ces valeurs
test-said-called-with = l’espion a été appelé avec ces valeurs
test-said-never-returned = l’espion n’a jamais renvoyé ces valeurs
test-said-returned = l’espion a renvoyé ces valeurs
test-said-calls = { $a ->
        [one] { $a } appel
       *[other] { $a } appels
    }
test-said-calls-at-least = au moins { test-said-calls }
test-said-calls-at-most = au plus { test-said-calls }
test-said-calls-more-than = plus de { test-said-calls }
test-said-calls-less-than = moins de { test-said-calls }
test-said-not-called-as-expected = l’espion n’a pas été appelé comme prévu
test-said-called-that-many = l’espion a été appelé ce nombre de fois
test-said-too-few-calls = l’espion a été appelé trop peu de fois
test-said-too-many-calls = l’espion a été appelé trop de fois
test-said-needs-value = { $a } a besoin d’une valeur
test-said-needs-values = { $a } a besoin de { $b } valeurs, elle en a reçu { $c }
test-said-bad-value = { $a } : { $b ->
        [expected] la valeur attendue n’est pas un nombre
        [actual] la valeur obtenue n’est pas un nombre
        [tolerance] la tolérance n’est pas un nombre
        [numbers] il faut des nombres
        [pattern] le motif doit être du texte
        [text] le texte doit être du texte
        [start] le début doit être un nombre
        [function] la première valeur doit être une fonction
        [length] la longueur doit être un nombre
        [chain] il doit suivre assert.array(t)
        [matcher] chaque valeur doit être un matcher
        [reference] il faut une table, une fonction ou un objet
       *[other] mauvaise valeur
    } ({ $c })

## Nouveau

new-created = Le mod { $dir } est créé, avec ces fichiers :
new-next = Ensuite : change le code dans init.lua, puis lance
    {"  "}mtedu check { $dir }
    {"  "}mtedu test { $dir }
new-invalid-name = « { $name } » ne peut pas être un nom de mod : utilise seulement des lettres minuscules sans accent (a-z), des chiffres et « _ ». Essaie « { $suggestion } ».
new-reserved-name = « { $name } » est un mot que le jeu ou Lua garde pour lui : choisis un autre nom, par exemple « my_{ $name } ».
new-exists = « { $path } » existe déjà : mtedu n'écrit jamais par-dessus ton travail. Choisis un autre nom, ou utilise --dir pour créer le mod ailleurs.
new-io-failed = Impossible d'écrire « { $path } » : { $error }
new-unknown-template = Il n'y a pas de modèle « { $name } ». Les modèles sont : { $all }

## Paquets et installation

pack-kind = { $kind ->
        [mod] mod
        [modpack] pack de mods
        [game] jeu
        [world] monde
        [lesson] leçon
        [texture_pack] pack de textures
       *[other] paquet
    }
pack-done = Archive prête : { $archive } ({ $kind } « { $name } », { $files ->
        [one] { $files } fichier
       *[other] { $files } fichiers
    }, { $size }).
install-created-user-folder = Cet utilisateur n’avait pas encore de dossier Minetest / Luanti (le jeu n’a jamais été lancé ici) : mtedu a créé { $path }, celui que le jeu utilise.
install-done = Installation terminée : { $kind } « { $name } », dans { $path }.
progress-pack = Empaquetage
progress-install = Installation

## mtedu serve
serve-no-server = Aucun serveur Minetest / Luanti n’est installé sur ce PC. Installe-le avec : sudo apt install minetest-server (puis « mtedu doctor » vérifie).
serve-no-mods = Aucun mod trouvé à servir. Lance « mtedu serve » dans le dossier d’un mod, ou donne les dossiers des mods.
serve-busy = Le monde { $world } est déjà servi par un autre « mtedu serve ». Arrête-le d’abord (Ctrl-C dans sa fenêtre), ou choisis un autre monde avec --world.
serve-wrong-game = Le monde { $world } a été créé pour le jeu { $has }, pas { $wanted }. Utilise --game { $has }, ou choisis un autre monde avec --world.
serve-io = Impossible de lire ou d’écrire { $path } : { $error }
serve-start-failed = Le serveur n’a pas démarré. Voici ce qu’il a dit :
    { $log }
serve-no-answer = Le serveur n’a pas répondu ({ $action }). Il est peut-être bloqué : arrête-le avec Ctrl-C et relance « mtedu serve ».
serve-started = Serveur prêt sur le port { $port } (démarré en { $ms } ms). Ctrl-C l’arrête et sauvegarde le monde.
serve-watching = Surveillance de { $mods } : enregistre un fichier et il est actif dans le jeu.
serve-rejected = { $mod } : le code a des erreurs (ci-dessous), donc le jeu garde la dernière version qui marchait. Corrige-les et enregistre de nouveau.
serve-rejected-chat = [mtedu] { $mod } : erreur à { $place } : { $message } Le jeu garde la version d’avant.
serve-soft = { $mod } rechargé en { $ms } ms : le changement est actif, les joueurs restent connectés.
serve-soft-chat = [mtedu] { $mod } a été rechargé : essaie ton changement !
serve-hard-names = { $mod } enregistre maintenant d’autres choses (un nouveau bloc, une commande enlevée…) : le serveur a redémarré en { $ms } ms. Les joueurs doivent se reconnecter.
serve-hard-failed = { $mod } n’a pas pu être rechargé dans le jeu en cours ({ $message }) : le serveur a redémarré en { $ms } ms. Les joueurs doivent se reconnecter.
serve-callback-error = { $mod } : { $callback } s’est arrêté sur une erreur{ $place ->
        [none] {""}
       *[other] {" "}dans { $place }
    } : { $what } Pour réparer : { $fix } Il est désactivé jusqu’au prochain enregistrement du fichier ; le jeu continue.
serve-callback-chat = [mtedu] { $mod } : { $line } (désactivé jusqu’au prochain enregistrement)
serve-frozen = Le serveur était bloqué : { $callback } de { $mod } (sa fonction en { $place }) a tourné { $ms } ms sans finir (une boucle qui ne s’arrête jamais ?). Le serveur a été arrêté de force et redémarre sans { $mod }, jusqu’au prochain enregistrement de son fichier. Les joueurs doivent se reconnecter.
serve-frozen-kept = Le serveur était bloqué : { $callback } de { $mod } (sa fonction en { $place }) a tourné { $ms } ms sans finir. { $mod } n’est pas un mod surveillé : le serveur a été arrêté de force et redémarre avec. Les joueurs doivent se reconnecter.
serve-frozen-unknown = Le serveur était bloqué : il n’a pas répondu pendant { $ms } ms alors qu’aucune fonction d’un mod ne tournait, donc la cause est inconnue. Le serveur a été arrêté de force et redémarre. Les joueurs doivent se reconnecter.
serve-frozen-chat = [mtedu] Le serveur s’est bloqué dans { $mod } ({ $callback }, { $place }) : une boucle qui ne finit jamais ? { $mod } est désactivé jusqu’au prochain enregistrement de son fichier.
serve-frozen-kept-chat = [mtedu] Le serveur s’est bloqué dans { $mod } ({ $callback }, { $place }) et a redémarré.
serve-frozen-unknown-chat = [mtedu] Le serveur s’est bloqué et a redémarré (cause inconnue).
serve-shutdown-by = Le serveur s’est arrêté parce que { $mod } le lui a demandé (minetest.request_shutdown en { $place }, message : « { $message } »). Il redémarre ; si le mod le redemande à chaque démarrage, enlève cette ligne et enregistre.
serve-shutdown-by-code = Le serveur s’est arrêté parce qu’on le lui a demandé (minetest.request_shutdown en { $place }, message : « { $message } »). Il redémarre.
serve-crashed-unknown = Le serveur s’est arrêté tout seul et son journal ne montre aucune erreur : la cause est inconnue. Il redémarre.
serve-privileges = { $mod } ({ $place }) a changé les privilèges de { $player } : { $changes } (+ donné, - retiré).
serve-privileges-reverted = Le réglage « classe » a repris { $privileges } à { $player } : seul l’enseignant les donne (avec /grant, depuis son compte).
serve-crashed = Le serveur s’est arrêté tout seul. Ses dernières lignes d’erreur :
    { $log }
serve-restored = Le monde ne se chargeait plus, donc la sauvegarde { $backup } a été remise (les fichiers abîmés sont gardés à côté des sauvegardes).
serve-back = Le serveur est de retour (relancé en { $ms } ms) : les joueurs peuvent se reconnecter.
serve-server-gone = Le serveur s’est arrêté pendant que mtedu l’attendait.
serve-engine = Serveur : { $version } ({ $program }) ; chaque enregistrement est vérifié pour cette version.
serve-join = Les joueurs se connectent à cette adresse : { $addresses } (port { $port }).
serve-teacher = Compte enseignant : { $name } (tous les privilèges : /time, /teleport, /grant…) ; les élèves ont interact, shout, fly, fast, home. Connecte-toi en tant que { $name } pour les utiliser.
serve-class = { $count } serveurs prêts, un par élève (chaque élève tape son adresse et son port) :
serve-same-name = { $mod } est dans plusieurs dossiers : { $folders }. Un serveur ne charge qu’un mod de chaque nom, donc un seul pourrait tourner. Donne à chaque élève son monde et son serveur : mtedu serve --per-pupil { $pupils }
serve-same-pupil = Les dossiers de deux élèves s’appellent { $pupil } : renomme l’un d’eux, chaque élève a besoin de son propre nom.
serve-no-port = Il n’y a pas assez de ports au-dessus de --port pour tous les élèves : choisis un --port plus petit.
serve-bad-teacher = { $name } ne peut pas être un nom de joueur : utilise de 1 à 20 lettres, chiffres, - ou _.
serve-warnings = { $mod } : avertissements (le changement est actif, mais jette un œil) :
serve-soft-looks = { $mod } rechargé en { $ms } ms : son comportement est actif ; son apparence (textures, description, images…) arrive chez les joueurs quand ils se connectent.
serve-restarting = { $players } doivent se reconnecter pour voir le changement de { $mod } : le serveur redémarre dans { $seconds } s (le chat les a prévenus).
serve-hard-looks = { $mod } a changé d’apparence (textures, description, images…) : le serveur a redémarré en { $ms } ms pour que { $message } le voient ; ils cliquent sur « Se reconnecter ».
serve-restart-looks-chat = [mtedu] Ton bloc { $mod } a changé d’apparence : le serveur redémarre dans { $seconds } s, clique sur « Se reconnecter » pour le voir.
serve-restart-chat = [mtedu] { $mod } a changé : le serveur redémarre dans { $seconds } s, clique sur « Se reconnecter » pour revenir.
serve-gave-up = Le serveur s’est arrêté trop de fois en une minute. Corrige l’erreur affichée plus haut et enregistre : serve le relancera.
serve-link-outside = { $mod } : { $link } est un lien vers { $target }, hors du dossier de l’élève. Plus rien de ce mod ne va au serveur (il garde la dernière version qui marchait) et mtedu ne copie rien à travers ce lien. Remplace le lien par un vrai dossier ou fichier (une copie de ce qu’il désigne), puis enregistre à nouveau.
serve-stopped = Serveur arrêté, monde sauvegardé.
serve-world-broken = Le monde ne peut plus être lu ({ $message }). Remets une sauvegarde : elles sont dans le dossier à côté du monde, qui finit par « .backups ».
serve-hard-media = { $mod } : une texture, un son ou un modèle que les joueurs ont déjà a été changé ou enlevé, donc le serveur a redémarré en { $ms } ms (les joueurs reçoivent le nouveau en se reconnectant).
serve-status = { $address } · { $count ->
        [0] aucun joueur pour l’instant
        [one] { $count } joueur ({ $players })
       *[other] { $count } joueurs ({ $players })
    } · dernier changement : { $last } · dernière erreur : { $error }
serve-status-none = aucun
## lint : recettes, nom dans mod.conf, nombre d’arguments, code après return, noms comparés, --fix

fix-applied = Corrigé { $path }:{ $line } : { $after ->
        [none] « { $before } » enlevé
       *[other] « { $before } » est devenu « { $after } »
    } ({ $code }).
fix-skipped = { $path } n’a pas été corrigé : { $reason ->
        [changed] il a changé pendant que mtedu le lisait. Relance la commande.
        [mismatch] il ne contient plus ce que dit le problème. Relance la commande.
       *[other] { $reason }.
    }
fix-summary = { $count ->
        [0] Rien n’a pu être corrigé automatiquement.
        [one] { $count } erreur corrigée automatiquement.
       *[other] { $count } erreurs corrigées automatiquement.
    }
## Leçons

lessons-line = { $id }  { $title } ({ $low } à { $high } ans, { $minutes } min)
lessons-next = Pour commencer une leçon : mtedu lessons start ID
lessons-unknown = Il n’y a pas de leçon « { $id } ». Les leçons sont : { $all }
lessons-started = La leçon « { $title } » est prête dans { $dir }
lessons-started-next = Lis { $handout }, modifie init.lua, puis lance
    {"  "}mtedu check { $dir }
    pour voir quels objectifs tu as atteints.
lessons-exists = « { $path } » existe déjà : mtedu n’écrit jamais par-dessus ton travail. Choisis un autre dossier.
lessons-io-failed = Impossible d’écrire « { $path } » : { $error }
lessons-show-written = La page à imprimer de « { $title } » est dans { $path }
lessons-show-opening = J’ouvre la page à imprimer { $path }
lessons-show-no-browser = Aucun programme n’a pu ouvrir { $path } (essayé : xdg-open, sensible-browser) : ouvre-le dans ton navigateur.
lessons-show-more = Page à imprimer : mtedu lessons show { $id } --html fiche.html (ou --open)
class-table-pupil = Élève
class-table-errors = Erreurs
class-table-warnings = Avertissements
class-table-objectives = Objectifs
class-table-not-checked = pas vérifiés (erreur)
objectives-summary = Objectifs : { $met }/{ $total } ✓
objectives-next = Objectif suivant : { $text }
objectives-hint = Indice : { $hint }
objectives-done = Bravo : tu as atteint tous les objectifs de la leçon !
objectives-unreadable = Les objectifs ne peuvent pas être vérifiés car le fichier de la leçon a des erreurs (voir plus haut).
objectives-mod-broken = Les objectifs ne peuvent pas être vérifiés tant que l’erreur ci-dessus n’est pas réparée : répare-la, puis relance mtedu check.
objectives-not-shipped = Les objectifs ne peuvent pas être vérifiés : le lesson.toml de cette copie parle de la leçon « { $id } », que mtedu ne fournit pas. Refais une copie avec mtedu lessons start.
new-lesson-created = Leçon { $dir } créée : lesson.toml, handout.md, starter/, solution/ et checks/.
new-lesson-next = Ensuite : écris les objectifs dans lesson.toml et checks/objectives_spec.lua, puis lance
    {"  "}mtedu check { $dir }
new-game-created = Jeu { $dir } créé, avec son premier mod dans mods/.
new-game-next = Ensuite : ajoute des mods dans { $dir }/mods, puis lance
    {"  "}mtedu check { $dir }
new-invalid-folder-name = « { $name } » ne convient pas : utilise seulement des petites lettres (a-z), des chiffres, « - » et « _ ». Essaie « { $suggestion } ».
test-seed = Les nombres au hasard sont partis de la graine { $seed } : relance avec --seed { $seed } pour obtenir exactement les mêmes résultats.
serve-no-good-version = { $mod } a des erreurs (affichées plus haut) et aucune version d’avant n’a encore marché, donc le serveur ne peut pas démarrer avec. Corrige-les, puis relance « mtedu serve ».

## mtedu class
class-created = La classe { $dir } est prête : { $count } élèves sur « { $title } ».
class-created-code = Code de la classe pour les élèves : { $code } (ils le tapent dans : mtedu class join)
class-created-next = Lancez la classe avec : mtedu class { $dir }
class-no-pupils = Aucun nom d’élève : écrivez-les après le dossier (mtedu class new cm2 --lesson 1 alice bob) ou donnez un fichier avec --names FICHIER.
class-names-unreadable = Impossible de lire le fichier de noms « { $path } » : { $error }
class-name-invalid = « { $name } » ne peut pas être un nom d’élève : seulement des lettres sans accent, des chiffres, - et _ (20 au plus). Essayez « { $suggestion } ».
class-name-invalid-bare = « { $name } » ne peut pas être un nom d’élève : seulement des lettres sans accent, des chiffres, - et _ (20 au plus).
class-name-twice = « { $name } » est donné deux fois (aussi comme « { $other } ») : chaque élève a besoin de son propre nom, par exemple avec l’initiale du nom de famille ({ $name }_b).
class-name-reserved = « { $name } » ne peut pas être un nom de dossier sous Windows : choisissez-en un autre ({ $name }_1 par exemple).
class-exists = « { $path } » existe déjà : mtedu n’écrit jamais par-dessus une classe. Choisissez un autre dossier.
class-io-failed = Impossible d’écrire « { $path } » : { $error }
help-cmd-class = Toute une classe : mtedu class new la crée, mtedu class DOSSIER la lance.
help-cmd-class-new = Crée le dossier d’une classe : une copie de la leçon par élève, et class.toml.
help-arg-class-new-dir = Le dossier de la classe à créer (il ne doit pas encore exister).
help-arg-class-new-lesson = La leçon : son numéro (1), son nom (first-block) ou les deux (01-first-block).
help-arg-class-new-names = Un fichier avec un nom d’élève par ligne (# commence un commentaire).
help-arg-class-new-engine = Le programme serveur de la classe (auto : celui que trouve mtedu doctor).
help-arg-class-new-pupils = Les noms des élèves (lettres sans accent, chiffres, - et _).
class-listening-page = Tableau de bord (pour le vidéoprojecteur) : http://{ $address }/
class-listening-pupils = Les élèves envoient leur travail avec : mtedu class join http://{ $address } --code { $code } --name LEUR_NOM
class-listening-teacher = Votre clé du tableau de bord (ne la montrez pas) : http://{ $address }/login?token={ $token }
class-not-started = { $reason } (Ce serveur démarrera dès que le mod se chargera ; les autres continuent.)
class-push-wait = Trop de codes faux depuis ce PC : attends une minute, puis vérifie le code de la classe avec ton animateur.
class-push-wrong-code = Ce n’est pas le code de la classe : regarde le code que montre ton animateur (six lettres et chiffres) et tape-le à nouveau.
class-push-unknown-pupil = Il n’y a pas d’élève « { $name } » dans cette classe : écris ton nom exactement comme ton animateur l’a écrit.
class-push-no-length = Le PC de la classe doit connaître la taille de l’envoi : envoie-le à nouveau avec mtedu class join.
class-push-too-big = Ton envoi fait { $size } Mo ; le PC de la classe prend au plus { $limit } Mo. Enlève les gros fichiers (images, sons) que tu n’utilises pas.
class-push-interrupted = L’envoi s’est arrêté en route : rien n’a changé sur le PC de la classe. Enregistre à nouveau pour le renvoyer.
class-push-stored = Le PC de la classe a reçu ton mod et l’a vérifié :
class-push-refused = Le PC de la classe a refusé ton envoi, et garde ta dernière version :
class-push-wrong-mod = Le PC de la classe attend ton mod { $expected }, pas « { $mod } » : lance mtedu class join dans le dossier de ta leçon.
class-push-io = Le PC de la classe n’a pas pu enregistrer ton mod ({ $error }) : préviens ton animateur.
class-join-unreachable = Le PC de la classe ({ $url }) ne répond pas : vérifie l’adresse avec ton animateur. Ton prochain enregistrement réessaiera.
class-join-not-one-mod = « { $dir } » doit contenir un seul mod (il en contient { $count }) : lance mtedu class join dans le dossier de ta leçon.
help-cmd-class-join = Sur le PC d’un élève : envoie chaque enregistrement au PC de la classe et montre sa réponse.
help-arg-class-join-url = L’adresse du PC de la classe, comme son écran la montre : http://192.168.1.10:8080
help-arg-class-join-name = Ton nom, exactement comme ton animateur l’a écrit.
help-arg-class-join-code = Le code de la classe que montre ton animateur.
help-arg-class-join-dir = Le dossier de ton mod (sinon : ce dossier).
help-arg-class-join-once = Envoie une fois puis s’arrête (au lieu d’à chaque enregistrement).
class-ending = Arrêt de chaque serveur, les mondes sont enregistrés…
class-ended = La séance est finie : chaque monde est enregistré.
class-config-missing = « { $path } » manque : est-ce bien le dossier d’une classe ? Créez-en un avec : mtedu class new DOSSIER --lesson 1 alice bob
class-config-unreadable = Impossible de lire « { $path } » : { $error }
class-config-invalid = « { $path } » est inutilisable : { $error }
class-no-pupil-mod = « { $path } » n’a pas de mod : remettez la copie de l’élève (mtedu lessons start N { $path }) ou retirez l’élève de class.toml.
class-listen-failed = Le tableau de bord ne peut pas écouter sur { $address } : { $error }. Choisissez un autre --port.
class-page-title = La classe
class-page-pupil = Élève
class-page-saved = Dernier enregistrement
class-page-never = pas encore enregistré
class-page-problem = Ce qui ne va pas
class-page-none = rien à signaler
class-page-objectives = Objectifs
class-page-ended = La séance est finie : chaque serveur est arrêté et chaque monde enregistré.
class-page-gone = Le PC de la classe ne répond pas (mtedu class tourne-t-il encore ?).
class-page-token = Clé de l’animateur (affichée dans le terminal) :
class-page-open = Ouvrir
class-page-players = dans le jeu :
class-page-crashed = serveur arrêté
class-page-starting = démarrage
class-page-waiting = pas de serveur tant que le mod ne se charge pas
class-page-checking = vérification…
class-page-next = Ensuite :
class-page-port = port
class-page-seconds = il y a { $n } s
class-page-minutes = il y a { $n } min
class-page-stuck-error = bloqué : même erreur depuis { $n } min
class-page-stuck-quiet = bloqué : rien enregistré depuis { $n } min
class-page-freeze = Figer tout le monde
class-page-unfreeze = Libérer
class-page-gather = Tout le monde vers moi
class-page-say = Message à tous :
class-page-send = Envoyer
class-page-reload = Recharger le mod
class-page-show = Voir le fichier
class-page-close = Fermer
class-page-actions = Actions de l’animateur
class-action-frozen = { $players } joueurs sont figés sur { $servers } serveurs (ceux qui arrivent maintenant le sont aussi).
class-action-released = { $players } joueurs peuvent de nouveau bouger, sur { $servers } serveurs.
class-action-gathered = { $players } joueurs ont été amenés à côté de vous.
class-action-no-teacher = Vous n’êtes dans aucun des jeux des élèves (en tant que « { $teacher } ») : rejoignez d’abord le serveur d’un élève, puis faites venir tout le monde.
class-action-said = Message envoyé à { $players } joueurs sur { $servers } serveurs.
class-action-no-servers = Aucun serveur ne tourne encore : attendez qu’ils aient démarré.
class-action-none-answered = Aucun des { $running } serveurs n’a répondu : ils redémarrent peut-être. Réessayez dans quelques secondes.
class-action-no-server = { $pupil } n’a pas encore de serveur : il démarre tout seul dès que son mod se charge.
class-action-reloaded = Le mod de { $pupil } a été rechargé.
class-action-reload-rejected = Le mod de { $pupil } n’a pas été rechargé : il contient des erreurs (voir sa ligne). Son serveur garde la dernière version qui marchait.
class-action-reload-failed = Le serveur de { $pupil } n’a pas repris le mod : regardez le terminal pour savoir pourquoi.
class-action-wait = Trop de mauvaises clés depuis ce PC : attendez une minute.
class-action-not-teacher = Seul l’animateur peut faire cela : ouvrez le tableau de bord avec votre clé (affichée dans le terminal).
class-action-not-from-page = Cette demande ne vient pas de la page du tableau de bord : refusée.
class-action-bad-request = Le PC de la classe n’a pas compris cette demande : rechargez la page et réessayez.
class-action-busy = Les serveurs n’ont pas répondu à temps (la séance se termine ?). Réessayez.
class-file-unknown-pupil = Il n’y a pas d’élève « { $pupil } » dans cette classe.
class-file-outside = Seuls les fichiers du dossier de { $pupil } peuvent être affichés.
class-file-unreadable = Impossible de lire « { $file } » : { $error }
help-arg-class-dir = Le dossier de la classe (créé par mtedu class new ; sinon : ce dossier).
help-arg-class-bind = L’adresse du tableau de bord : 0.0.0.0 pour les PC de la classe, 127.0.0.1 pour ce PC seulement.
help-arg-class-port = Le port TCP du tableau de bord.
help-arg-class-game-port = Le port UDP du serveur de jeu du premier élève ; les suivants ont +1, +2…
help-arg-class-stuck-minutes = Minutes avec la même erreur, ou sans enregistrement, avant qu’un élève soit signalé bloqué.
help-arg-class-server = Le programme serveur (sinon : celui de class.toml, ou celui que trouve mtedu doctor).

## Ligne de commande : textes de --help, erreurs sur la ligne de commande, -v

help-heading-usage = Utilisation :
help-heading-options = Options{" "}
help-heading-arguments = Arguments{" "}
help-heading-commands = Commandes{" "}
help-default = par défaut : { $value }
help-choices = au choix : { $values }
help-about = mtedu t’aide à créer des mods Minetest / Luanti et à les vérifier.
help-cmd-validate = Vérifie comment sont faits les mods, jeux, mondes et leçons (fichiers, noms, mod.conf).
help-cmd-lint = Cherche les erreurs dans le code Lua des mods, puis essaie de les charger.
help-cmd-check = Vérifie tout d’un coup (validate + lint). La commande à lancer.
help-cmd-test = Lance les tests du mod (spec/*_spec.lua) dans un monde pour de faux.
help-cmd-info = Charge les mods et montre ce qu’ils ajoutent (blocs, objets, commandes…).
help-cmd-api = Montre quelles fonctions du moteur mtedu sait imiter.
help-cmd-doctor = Montre ce que ce PC a pour Minetest / Luanti, et comment installer ce qui manque.
help-cmd-new = Crée quelque chose de nouveau à partir d’un modèle : mtedu new mod mon_mod
help-cmd-new-mod = Un nouveau mod, prêt pour « mtedu check » et « mtedu test ».
help-cmd-new-lesson = Un nouveau dossier de leçon : lesson.toml, fiche, départ, solution, vérifications.
help-cmd-new-game = Un nouveau jeu : game.conf et un premier mod dans mods/.
help-cmd-pack = Fait un zip d’un mod, jeu, pack de textures, monde ou leçon, pour le partager.
help-cmd-install = Met un zip ou un dossier dans ton dossier Minetest / Luanti.
help-cmd-serve = Lance un serveur pour la classe ; chaque enregistrement d’un mod arrive tout de suite dans le jeu.
help-cmd-lessons = Liste les leçons prêtes, ou en commence une : mtedu lessons start 1
help-cmd-lessons-start = Copie le mod de départ d’une leçon pour un élève (jamais par-dessus un travail existant).
help-cmd-help = Montre cette aide, ou l’aide d’une commande.
help-arg-help = Montre cette aide.
help-arg-version = Montre la version de mtedu.
help-arg-lang = Langue des messages (sinon : d’après LANG).
help-arg-format = Comment montrer les résultats : du texte pour les gens, ou du JSON pour les programmes.
help-arg-color = Quand mettre des couleurs (NO_COLOR les enlève en auto).
help-arg-quiet = Montre seulement les erreurs.
help-arg-verbose = Dit aussi ce qui a été trouvé et vérifié.
help-arg-paths = Mods, modpacks, jeux, mondes ou leçons (sinon : ce dossier).
help-arg-game = Le jeu à utiliser avec des mods seuls : le nom d’un jeu ou un dossier de jeu (sinon : minetest_game s’il est installé).
help-arg-no-installed = N’utilise pas les jeux et mods installés sur ce PC.
help-arg-engine = La version du moteur visée : 5.6, 5.10 ou 5.15 (sinon : la version du serveur de ce PC, ou à défaut la plus récente).
help-arg-time-limit = Secondes pendant lesquelles le code d’un mod peut tourner au chargement avant d’être arrêté.
help-arg-memory-limit = Mémoire que le code des mods peut utiliser, en Mio.
help-arg-check-no-play = Ne pas jouer un moment avec les mods après les avoir chargés (poser, taper, commandes du tchat…).
help-arg-lint-fix = Corrige aussi les erreurs dont la correction est sûre (minetest.env:, !=, une fonction du moteur mal écrite).
help-arg-test-filter = Lance seulement les tests dont le nom contient ce texte.
help-arg-test-fail-fast = S’arrête au premier test qui échoue.
help-arg-test-seed = Fait partir les nombres au hasard de ce nombre, pour rejouer une fois pareil.
help-arg-test-junit = Écrit aussi les résultats dans ce fichier, en XML JUnit.
help-arg-test-timeout = Secondes pour tout le lancement (120 par défaut) ; les tests qui n’ont plus le temps sont listés comme non lancés.
help-arg-info-all = Liste aussi ce que le jeu et le moteur ajoutent.
help-arg-api-coverage = Liste chaque fonction avec son état, pas seulement les totaux.
help-arg-new-mod-name = Le nom du mod : petites lettres, chiffres et _ seulement (comme mon_mod).
help-arg-new-mod-template = Ce que le mod contient au départ : empty, node, craftitem, tool, craft, chatcommand, entity ou formspec.
help-arg-new-lesson-name = Le nom du dossier de la leçon : petites lettres, chiffres, - et _ (comme 07-ma-lecon).
help-arg-new-game-name = Le nom du dossier du jeu : petites lettres, chiffres, - et _ (comme mon_jeu).
help-arg-dir = Le dossier où le créer (sinon : ce dossier).
help-arg-author = Ton nom, écrit dans la licence.
help-arg-lessons-start-id = La leçon : son numéro (1), son nom (first-block) ou les deux (01-first-block).
help-arg-lessons-start-dirs = Les dossiers qui reçoivent chacun une copie, un par élève : « alice » donne alice/first_block (sinon : ce dossier).
help-cmd-lessons-show = Montre la fiche d’une leçon ici, ou la page à imprimer.
help-arg-lessons-show-id = La leçon : son numéro (1), son nom (first-block) ou les deux (01-first-block).
help-arg-lessons-show-html = Écrit plutôt la page à imprimer (HTML) dans ce fichier.
help-arg-lessons-show-open = Ouvre la page à imprimer dans le navigateur.
help-arg-pack-path = Le dossier à mettre dans le zip (sinon : ce dossier).
help-arg-pack-output = Le fichier zip à écrire (sinon : <nom>.zip dans ce dossier).
help-arg-install-source = Un fichier zip ou un dossier.
help-arg-install-to = Le dossier Minetest / Luanti où installer (sinon : ~/.minetest, ~/.luanti ou celui de flatpak).
help-arg-install-force = Remplace ce qui est installé sous le même nom (une copie de secours est gardée).
help-arg-install-max-size = Refuse les zips qui font plus que ça une fois ouverts, en Mio.
help-arg-serve-paths = Les mods (ou dossiers de mods) à surveiller (sinon : ce dossier).
help-arg-serve-world = Le monde du serveur, créé s’il manque (sinon : un monde à mtedu).
help-arg-serve-game = Le jeu du monde : le nom d’un jeu.
help-arg-serve-port = Le port UDP où les joueurs se connectent.
help-arg-serve-bind = L’adresse à écouter : 0.0.0.0 laisse venir les PC de la classe, 127.0.0.1 seulement ce PC.
help-arg-serve-preset = Les réglages du monde : classroom (créatif, sans dégâts, sans combats, temps arrêté) ou plain (ceux du jeu).
help-arg-serve-server = Le programme serveur (sinon : celui que trouve « mtedu doctor »).
help-arg-serve-per-pupil = Chaque chemin est le dossier d’un élève (alice, ou alice/first_block) : un monde et un serveur par élève, sur les ports --port, --port + 1… (pour des élèves qui écrivent le même mod).
help-arg-serve-teacher = Le nom de joueur de l’animateur, qui a tous les privilèges (sinon : ton nom de connexion).
help-value-paths = CHEMINS
help-value-options = OPTIONS
help-value-command = COMMANDE
help-value-path = CHEMIN
help-value-version = VERSION
help-value-game = JEU
help-value-seconds = SECONDES
help-value-mib = MIO
help-value-filter = TEXTE
help-value-n = N
help-value-file = FICHIER
help-value-name = NOM
help-value-template = MODÈLE
help-value-dir = DOSSIER
help-value-dirs = DOSSIERS
help-value-author = AUTEUR
help-value-minutes = MINUTES
help-value-url = ADRESSE
help-value-code = CODE
help-value-id = LEÇON
help-value-source = SOURCE
help-value-world = MONDE
help-value-port = PORT
help-value-bind = ADRESSE
help-value-preset = RÉGLAGES
help-value-server = PROGRAMME
help-value-teacher = NOM
help-value-lang = LANGUE
help-value-format = FORMAT
help-value-color = COULEUR
cli-error-label = erreur :
cli-unknown-argument = « { $arg } » n’est pas quelque chose que « { $command } » comprend.
cli-unknown-command = « { $arg } » n’est pas une commande de « { $command } ».
cli-missing-value = « { $arg } » a besoin d’une valeur juste après.
cli-invalid-value = « { $value } » ne va pas pour « { $arg } ».
cli-missing-argument = Il manque quelque chose à « { $command } » : { $arg }
cli-missing-command = « { $command } » a besoin d’une commande : { $commands }
cli-other = Cette ligne de commande n’est pas bonne : { $detail }
cli-possible-values = Tu peux écrire : { $values }
cli-value-help = { $arg } : { $help }
cli-did-you-mean = Voulais-tu dire « { $suggestion } » ?
cli-try-help = Pour voir ce que tu peux écrire : { $command } --help
verbose-engine-flag = Moteur : { $version } (choisi avec --engine).
verbose-engine-server = Moteur : { $version } (le serveur de ce PC, { $program }, dit { $reported } ; --engine en choisit un autre).
verbose-engine-newest = Moteur : { $version } (aucun serveur sur ce PC : le plus récent que mtedu connaît ; --engine en choisit un autre).
verbose-checked = Vérifié : { $list }.
verbose-count-mods = { $count ->
        [one] { $count } mod
       *[other] { $count } mods
    }
verbose-count-modpacks = { $count ->
        [one] { $count } modpack
       *[other] { $count } modpacks
    }
verbose-count-games = { $count ->
        [one] { $count } jeu
       *[other] { $count } jeux
    }
verbose-count-worlds = { $count ->
        [one] { $count } monde
       *[other] { $count } mondes
    }
verbose-count-texture-packs = { $count ->
        [one] { $count } pack de textures
       *[other] { $count } packs de textures
    }
verbose-count-lessons = { $count ->
        [one] { $count } leçon
       *[other] { $count } leçons
    }
verbose-templates = Laissés de côté, car ce sont des modèles qu’un programme transforme en mods (pas des mods) : { $folders }.
verbose-game = Jeu utilisé pour les dépendances : { $game } ({ $path }).
verbose-no-game = Aucun jeu utilisé pour les dépendances : aucun n’a été donné et minetest_game n’est pas installé.
verbose-no-installed = Les jeux et mods installés ne sont pas utilisés (--no-installed).
verbose-game-not-found = Le jeu « { $game } » n’a pas été trouvé, donc aucun jeu n’est utilisé pour les dépendances.
verbose-installed-mods = { $count ->
        [one] { $count } mod installé peut
       *[other] { $count } mods installés peuvent
    } servir de dépendance (tes dossiers de mods : { $dirs }).
verbose-none = aucun
verbose-doctor-programs = Cherché { $programs } dans : { $dirs }.
verbose-doctor-games = Cherché les jeux dans : { $dirs }.
verbose-doctor-user-dirs = Cherché ton dossier Minetest / Luanti ici : { $dirs }.

## Pack and install: safety (issue 7 audit)

pack-io-reason = { $io ->
        [not-found] le fichier ou le dossier n’existe pas
        [permission] tu n’as pas le droit de faire cela ici
        [disk-full] le disque est plein
        [read-only] le disque peut seulement être lu, pas écrit
        [not-a-folder] une partie du chemin est un fichier, pas un dossier
        [is-a-folder] c’est un dossier, pas un fichier
        [exists] il y a déjà quelque chose de ce nom
        [in-use] un autre programme l’utilise
        [bad-name] le nom est trop long ou interdit
        [other-disk] c’est sur un autre disque
        [loop] des liens tournent en rond
       *[other] { $reason }
    }

severity-error = erreur
severity-warning = avertissement
severity-info = info

## le chien de garde

engine-stuck-search = erreur[MT3005] : { $place } : ce code ne finit jamais. Il est bloqué dans la recherche de texte ({ $function }) de cette ligne : son motif oblige Lua à essayer trop de façons, et rien ne peut arrêter Lua là, alors mtedu s’arrête.
engine-stuck-search-help = pour réparer : simplifie ce motif, par exemple évite plusieurs « .* » ou « a* » à la suite.
engine-stuck-unknown = erreur[MT3005] : { $place } : ce code ne finit jamais. Il est bloqué dans une partie qu’on ne peut pas arrêter (hors de Lua), et mtedu ne peut pas savoir quel appel c’est : la cause est inconnue. C’est le dernier endroit que mtedu a vu tourner ; rien ne peut arrêter le code là, alors mtedu s’arrête.
engine-stuck-unknown-help = pour réparer : regarde ce que cet endroit appelle avec beaucoup de données ou un motif compliqué (une recherche de texte, un texte très long), et essaie avec moins.

## Constats : ce qui est donné en ligne de commande (MT00xx)
MT0001 = « { $path } » n’existe pas.
MT0001-help = Vérifie l’orthographe du chemin, ou lance la commande depuis le dossier qui contient ton mod.
MT0002 = Aucun mod, jeu, monde ou leçon n’a été trouvé ici.
MT0002-help = Un mod est un dossier qui contient un fichier init.lua (et un mod.conf). Donne le chemin de ce dossier.
MT0003 = Le jeu « { $game } » n’est pas installé.
MT0003-help = Donne le nom d’un jeu installé (lance « mtedu doctor » pour les voir) ou le chemin d’un dossier de jeu.
MT0004 = mtedu n’arrive pas à lire { $kind ->
        [folder] le dossier
       *[file] le fichier
    } « { $path } » : { $reason ->
        [denied] tu n’as pas le droit de le lire (ses permissions l’interdisent).
       *[other] l’ordinateur dit « { $detail } ».
    }
MT0004-help = { $reason ->
        [denied] Demande à ton enseignant, ou à la personne à qui appartient ce { $kind ->
            [folder] dossier
           *[file] fichier
        }, de te laisser le lire. Elle peut taper : { $kind ->
            [folder] chmod -R a+rX "{ $path }"
           *[file] chmod a+r "{ $path }"
        } (ou, s’il appartient à quelqu’un d’autre : sudo chown -R $USER "{ $path }").
       *[other] Vérifie que le disque ou la clé USB marche encore et qu’aucun autre programme n’utilise ce { $kind ->
            [folder] dossier
           *[file] fichier
        }, puis réessaie.
    }

## Constats : validate (MT1xxx)
MT1001 = Cette ligne n’a pas de signe « = », alors le jeu l’ignore : { $text }
MT1001-help = Écris-la sous la forme « clé = valeur », par exemple « depends = default ».
MT1002 = Cette ligne a une valeur mais pas de nom avant le « = ».
MT1002-help = Mets le nom du réglage avant le « = », par exemple « description = Mon mod ».
MT1003 = Ce texte commence par """ mais n’est jamais fermé : tout le reste du fichier est avalé dedans.
MT1003-help = Ajoute une ligne avec seulement """ là où le texte doit s’arrêter.
MT1004 = Ce groupe commence par « {"{"} » mais n’est jamais fermé.
MT1004-help = Ajoute une ligne avec seulement « {"}"} » là où le groupe doit s’arrêter.
MT1005 = Ce fichier commence par des caractères invisibles (une « marque d’ordre des octets », BOM), alors le jeu ne peut pas lire la première ligne.
MT1005-help = Enregistre le fichier en « UTF-8 sans BOM » dans ton éditeur de texte.
MT1006 = Ce fichier n’est pas enregistré en texte UTF-8 : les lettres comme é ou ç vont mal s’afficher.
MT1006-help = Enregistre le fichier avec l’encodage « UTF-8 » dans ton éditeur de texte.
MT1010 = « { $key } » n’est pas un réglage connu de { $file }.
MT1010-help = { $suggestion ->
        [none] Vérifie l’orthographe, ou supprime cette ligne.
       *[other] Voulais-tu écrire « { $suggestion } » ?
    }
MT1011 = « { $key } » est écrit deux fois ; le jeu ne garde que cette dernière ligne (la première est à la ligne { $first }).
MT1011-help = Garde une seule ligne « { $key } ».
MT1012 = « release » est ajouté par ContentDB (le site web où l’on partage les mods Minetest) quand il publie ton travail.
MT1012-help = Supprime cette ligne de tes propres fichiers.
MT1013 = « name » dans game.conf est une ancienne façon de donner le titre du jeu.
MT1013-help = Écris « title = … » au lieu de « name = … ».
MT1014 = « { $key } » dans { $file } est lu à partir de { $since } ; ceci est vérifié pour { $target }, qui ignore la ligne.
MT1014-help = Sur un serveur { $target }, cette ligne ne fait rien. Si le serveur de la classe est plus récent, vérifie avec --engine { $flag } ; sinon fais sans elle.
MT1020 = depends.txt est un ancien fichier : les nouvelles versions du jeu risquent de ne plus le lire.
MT1020-help = Mets les dépendances dans mod.conf, sous la forme « depends = mod1, mod2 » (et « optional_depends = » pour celles qui finissent par ?), puis supprime depends.txt.
MT1021 = description.txt est un ancien fichier.
MT1021-help = Mets le texte dans mod.conf sous la forme « description = … », puis supprime description.txt.
MT1022 = Le mod « { $name } » n’a pas de fichier mod.conf.
MT1022-help = Crée dans ce dossier un fichier nommé mod.conf avec au moins la ligne « name = { $suggestion } ».
MT1023 = modpack.txt est une ancienne façon de marquer un pack de mods.
MT1023-help = Crée un fichier nommé modpack.conf avec la ligne « name = … » (tu peux garder modpack.txt pour les très vieilles versions).
MT1024 = Le mod « { $name } » n’a pas de fichier init.lua, alors le jeu refuse de le charger.
MT1024-help = Crée init.lua dans ce dossier : c’est le fichier que le jeu lance en premier.
MT1101 = « { $name } » ne peut pas être un nom de mod : seules les lettres minuscules de a à z, les chiffres et _ sont permis.
MT1101-help = { $source ->
        [conf] Remplace-le par « { $suggestion } ».
       *[folder] Renomme le dossier en « { $suggestion } », ou ajoute « name = { $suggestion } » dans mod.conf.
    }
MT1102 = « { $name } » est déjà utilisé par le jeu ou par Lua, un mod ne peut pas s’appeler comme ça.
MT1102-help = Choisis un autre nom, par exemple « mon_{ $name } ».
MT1103 = Le dossier s’appelle « { $folder } » mais mod.conf dit que le mod s’appelle « { $name } ». Le jeu utilise « { $name } ».
MT1103-help = Renomme le dossier en « { $name } », ou change « name = » dans mod.conf pour que les deux soient pareils.
MT1104 = « { $entry } » contient une espace : il manque sûrement une virgule entre deux noms.
MT1104-help = Sépare les noms par des virgules : { $fixed }
MT1105 = « { $entry } » n’est pas un nom valide : seules les lettres minuscules de a à z, les chiffres et _ sont permis.
MT1105-help = Voulais-tu écrire « { $suggestion } » ?
MT1201 = Le mod « { $mod } » a besoin de « { $dependency } », mais « { $dependency } » est introuvable : le jeu ne chargera pas « { $mod } ».
MT1201-help = { $suggestion ->
        [none] Installe « { $dependency } », choisis un jeu qui l’a (--game), ou enlève-le de « depends ».
       *[other] Voulais-tu écrire « { $suggestion } » ? Sinon installe « { $dependency } » ou enlève-le de « depends ».
    }
MT1202 = « { $dependency } » n’est pas installé ; « { $mod } » fonctionnera sans lui.
MT1202-help = { $suggestion ->
        [none] Rien à faire, sauf si tu veux ce qu’ajoute « { $dependency } ».
       *[other] Voulais-tu écrire « { $suggestion } » ?
    }
MT1203 = Ces mods ont besoin les uns des autres en cercle, alors aucun ne peut être chargé en premier : { $cycle }
MT1203-help = Enlève une de ces dépendances pour casser le cercle.
MT1301 = Le dossier « { $folder } » doit s’appeler « { $expected } » : le jeu ne cherche que dans un dossier qui a exactement ce nom, alors les fichiers de « { $folder } » ne sont jamais chargés.
MT1301-help = Renomme le dossier « { $folder } » en « { $expected } », exactement comme ça, en lettres minuscules.
MT1302 = Le jeu ignore le fichier « { $file } » : son nom ne peut contenir que les lettres de a à z et de A à Z, des chiffres, _, . et - (pas d’espace, pas d’accent).
MT1302-help = Renomme-le en « { $suggestion } », et utilise ce nouveau nom dans ton code Lua.
MT1303 = Les mods « { $mod } » et « { $other } » ont tous les deux un fichier appelé « { $file } » (l’autre est { $other_path }). Les joueurs n’en reçoivent qu’un seul, alors un des mods affichera la mauvaise image ou jouera le mauvais son.
MT1303-help = { $suggestion ->
        [none] Donne un autre nom au fichier de « { $mod } » et utilise ce nom dans ton code. Si « { $mod } » doit remplacer le fichier de « { $other } », ajoute « { $other } » dans « depends » de mod.conf.
       *[other] Renomme le fichier en « { $suggestion } » et utilise ce nom dans ton code. Si « { $mod } » doit remplacer le fichier de « { $other } », ajoute « { $other } » dans « depends » de mod.conf.
    }
MT1304 = Ce fichier est très gros ({ $size } Mo, plus de { $limit } Mo). Si c’est une image, un son ou un modèle, chaque joueur qui se connecte doit le télécharger, ce qui est lent ; les gros fichiers rendent aussi ton travail lourd à partager sur ContentDB (le site web où l’on partage les mods Minetest).
MT1304-help = Rends le fichier plus petit (un son plus court ou de moins bonne qualité, une image plus petite), ou enlève-le si le jeu n’en a pas besoin.
MT1305 = Le jeu ignore le fichier « { $file } » parce que sa fin (l’extension) est en majuscules : le jeu ne connaît que les extensions en minuscules, comme « .png » ou « .ogg ».
MT1305-help = Renomme-le en « { $suggestion } », et utilise ce nouveau nom dans ton code Lua.
MT1401 = Ces traductions arrivent avant toute ligne « # textdomain: { $domain } » : le jeu ne sait pas à quel mod elles appartiennent et ne les utilise jamais.
MT1401-help = Ajoute la ligne « # textdomain: { $domain } » tout en haut du fichier.
MT1402 = Ce fichier porte le nom du domaine « { $expected } », mais cette ligne dit « { $found } » : le jeu n’utilise ces traductions que pour « { $found } ».
MT1402-help = Écris « # textdomain: { $expected } » (le nom que ton mod donne à minetest.get_translator), ou renomme le fichier si « { $found } » est le bon.
MT1403 = Cette ligne n’a pas de signe « = » : le jeu ne peut pas séparer le texte d’origine de sa traduction, alors il la saute : { $text }
MT1403-help = Écris le texte d’origine, puis « = », puis la traduction, par exemple « Hello=Bonjour ». Si le texte lui-même contient un signe « = », écris-le « @= ».
MT1404 = « { $escape } » n’est pas un code que le jeu comprend : après « @ », il attend @, =, n ou un chiffre de 1 à 9.
MT1404-help = Écris « @@ » pour un vrai signe « @ », « @1 », « @2 »… pour les morceaux que le mod remplit, « @n » pour aller à la ligne et « @= » pour un signe « = ».
MT1405 = Dans le texte d’origine, les morceaux que le mod remplit doivent être numérotés @1, @2, @3… dans cet ordre, sans en sauter ni en répéter. Ici, « { $found } » arrive là où il faudrait « { $expected } ».
MT1405-help = Numérote-les dans l’ordre dans le texte d’origine (avant le « = »), exactement comme dans ton code Lua. Dans la traduction (après le « = »), tu peux les placer dans l’ordre que tu veux.
MT1406 = La traduction utilise « { $arg } », mais le texte d’origine (avant le « = ») n’a pas de « { $arg } » : le jeu laissera un trou à cet endroit.
MT1406-help = Utilise seulement les numéros @ qui sont dans le texte d’origine, ou écris « @@ » si tu veux un vrai signe « @ ».
MT1407 = Le fichier de traduction « { $file } » n’est pas nommé « domaine.langue.tr », alors le jeu ne le charge jamais.
MT1407-help = Renomme-le en « { $mod }.fr.tr » pour le français, « { $mod }.de.tr » pour l’allemand, etc. : le nom du mod, un point, le code de la langue, puis « .tr ».
MT1408 = « { $file } » est un fichier gettext (un format de traduction utilisé par beaucoup de programmes) : seul Luanti 5.10 ou plus récent le lit, les versions plus anciennes l’ignorent.
MT1408-help = Rien à faire si tes joueurs ont Luanti 5.10 ou plus récent. Sinon, donne aussi les mêmes traductions dans un fichier .tr.
MT1409 = Ce fichier commence par des caractères invisibles (une « marque d’ordre des octets », BOM), alors le jeu lit mal la première ligne. Si c’est la ligne « # textdomain: », toutes les traductions sont perdues.
MT1409-help = Enregistre le fichier en « UTF-8 sans BOM » dans ton éditeur de texte.
MT1410 = Ce fichier n’est pas enregistré en texte UTF-8 : le jeu saute les lignes qui ont des lettres comme é ou ç.
MT1410-help = Enregistre le fichier avec l’encodage « UTF-8 » dans ton éditeur de texte.
MT1501 = Le menu des réglages ne peut pas lire cette ligne : { $text }
MT1501-help = Une ligne de réglage ressemble à « monmod_vitesse (Vitesse de mon mod) int 5 1 10 » : le nom, un nom lisible entre parenthèses, le type, puis la valeur par défaut. Les sections ressemblent à « [Ma section] » et les commentaires commencent par « # ».
MT1502 = « { $type } » n’est pas un type de réglage connu du jeu, alors « { $name } » n’apparaît pas dans le menu des réglages.
MT1502-help = { $suggestion ->
        [none] Utilise l’un de ceux-ci : int, float, bool, string, enum, flags, path, filepath, key, v3f, noise_params_2d, noise_params_3d.
       *[other] Voulais-tu écrire « { $suggestion } » ?
    }
MT1503 = { $has_value ->
        [no] Le réglage « { $name } » n’a pas de valeur après « { $type } », alors le menu des réglages ne peut pas l’utiliser.
       *[yes] « { $value } » n’est pas { $type ->
            [int] un nombre entier
            [float] un nombre
            [bool] exactement true ou false
            [enum] l’un des choix ({ $choices })
            [flags] l’un des drapeaux ({ $choices })
            [v3f] une position comme (1, 2, 3)
           *[other] écrit comme { $type } le demande
        }, alors le menu des réglages ne peut pas utiliser « { $name } ».
    }
MT1503-help = { $type ->
        [int] Écris un nombre entier comme 5 ou -3, puis, si tu veux, le plus petit et le plus grand permis : « { $name } (…) int 5 0 10 ».
        [float] Écris un nombre avec un point (pas une virgule), comme 0.5, puis, si tu veux, le plus petit et le plus grand permis : « { $name } (…) float 0.5 0.0 1.0 ».
        [bool] Écris exactement « true » ou « false » après « bool », sans rien après, même pas une espace.
        [enum] Écris la valeur par défaut, une espace, puis tous les choix séparés par des virgules ; la valeur par défaut doit en faire partie : « { $name } (…) enum moyen petit,moyen,grand ».
        [flags] Écris les drapeaux par défaut, une espace, puis tous les drapeaux possibles, séparés par des virgules sans espace : « { $name } (…) flags rouge,bleu rouge,vert,bleu ».
        [v3f] Écris trois nombres entre parenthèses, séparés par des virgules : « (0, 1.5, 0) ».
        [noise_params_2d] Écris-le comme « 0, 1, (100, 100, 100), 1234, 3, 0.5, 2.0 » : décalage, échelle, (étendue), graine, octaves, persistance, lacunarité.
        [noise_params_3d] Écris-le comme « 0, 1, (100, 100, 100), 1234, 3, 0.5, 2.0 » : décalage, échelle, (étendue), graine, octaves, persistance, lacunarité.
       *[other] Vérifie ce que tu as écrit après le type.
    }
MT1504 = { $limits ->
        [reversed] Le minimum { $min } de « { $name } » est plus grand que son maximum { $max } : aucune valeur ne peut être entre les deux.
       *[other] La valeur par défaut { $value } de « { $name } » est { $max ->
            [none] plus petite que son minimum { $min }.
           *[other] en dehors de ses limites : minimum { $min }, maximum { $max }.
        }
    }
MT1504-help = { $limits ->
        [reversed] Échange les deux limites : écris d’abord la plus petite valeur permise, puis la plus grande (« { $max } { $min } »).
       *[other] Change la valeur par défaut pour qu’elle soit entre la plus petite et la plus grande valeur permise, ou change ces limites.
    }
MT1505 = Le réglage « { $name } » est écrit deux fois ; le premier est à la ligne { $first }.
MT1505-help = Garde une seule ligne pour « { $name } », ou donne un autre nom à l’autre réglage.
MT1506 = « { $name } » contient « secure. » dans son nom : seul le moteur du jeu a le droit d’avoir de tels réglages, alors il refuse celui-ci.
MT1506-help = Choisis un nom sans « secure. », par exemple un nom qui commence par le nom de ton mod.
MT1507 = Ce fichier commence par des caractères invisibles (une « marque d’ordre des octets », BOM), alors le menu des réglages ne peut pas lire la première ligne.
MT1507-help = Enregistre le fichier en « UTF-8 sans BOM » dans ton éditeur de texte.
MT1508 = Ce fichier n’est pas enregistré en texte UTF-8 : les lettres comme é ou ç vont mal s’afficher dans le menu des réglages.
MT1508-help = Enregistre le fichier avec l’encodage « UTF-8 » dans ton éditeur de texte.
MT1601 = Le jeu « { $game } » n’a pas de dossier « mods », donc il n’a aucun mod : ses mondes seront vides.
MT1601-help = { $found ->
        [none] Crée un dossier nommé « mods » dans le dossier du jeu et mets-y les mods du jeu.
       *[other] Renomme le dossier « { $found } » en « mods » (tout en minuscules).
    }
MT1602 = game.conf ne donne pas de titre au jeu, alors le menu affiche à la place le nom du dossier, « { $game } ».
MT1602-help = Ajoute une ligne comme « title = Mon super jeu » dans game.conf.
MT1603 = Le dossier « { $folder } » dans « { $parent } » n’est ni un mod (il n’a pas de init.lua) ni un pack de mods (il n’a pas de modpack.conf). Le jeu va essayer de le charger comme un mod et s’arrêter avec une erreur.
MT1603-help = Si c’est un mod, ajoute son fichier init.lua. Si c’est un groupe de mods, ajoute un fichier modpack.conf. Sinon, sors ce dossier de « { $parent } ».
MT1701 = Ce monde a besoin du jeu « { $game } », mais ce jeu n’est pas installé, alors le monde ne peut pas démarrer.
MT1701-help = { $suggestion ->
        [none] Installe le jeu « { $game } », ou écris après « gameid = » le nom d’un jeu installé (lance « mtedu doctor » pour les voir).
       *[other] Voulais-tu écrire « { $suggestion } » ? Sinon installe le jeu « { $game } ».
    }
MT1702 = world.mt ne dit pas où ranger les données du monde (il manque { $keys }), alors le jeu utilise de vieux formats de fichiers dépassés, qui pourraient ne plus marcher un jour.
MT1702-help = { $played ->
        [yes] Ce monde a déjà été joué : demande à un adulte de convertir ses données avec « minetestserver --world <le dossier du monde> --migrate-players sqlite3 » (et pareil avec --migrate-auth et --migrate-mod-storage) plutôt que de modifier world.mt à la main.
       *[no] Ajoute ces lignes dans world.mt : { $lines }
    }
MT1703 = world.mt active le mod « { $mod } », mais aucun mod de ce nom n’a été trouvé, alors il ne sera pas chargé.
MT1703-help = { $suggestion ->
        [none] Installe « { $mod } » (dans le dossier worldmods du monde, dans le jeu ou dans ton dossier mods), ou enlève cette ligne.
       *[other] Voulais-tu écrire « { $suggestion } » ? Sinon installe « { $mod } » ou enlève cette ligne.
    }
MT1801 = { $kind ->
        [game] Le jeu
        [modpack] Le pack de mods
       *[mod] Le mod
    } « { $name } » n’a pas de fichier de licence, alors personne ne sait si on a le droit de le partager ou de le modifier.
MT1801-help = Ajoute un fichier nommé LICENSE.txt qui dit comment les autres peuvent utiliser ton travail (demande à ton enseignant quelle licence choisir, par exemple MIT ou CC BY-SA). ContentDB, le site web où l’on partage les mods Minetest, en a besoin pour publier ton travail.
MT1901 = lesson.toml a une erreur d’écriture ici, alors la leçon ne peut pas être lue ({ $detail }).
MT1901-help = Regarde cette ligne : les textes ont des "guillemets" aux deux bouts, et chaque ligne est de la forme clé = valeur. Le format est expliqué dans docs/lessons.md.
MT1902 = lesson.toml n’a pas de « { $key } », et chaque leçon en a besoin.
MT1902-help = { $key ->
        [title] Ajoute un titre dans les deux langues, par exemple : title = { "{" } fr = "Mon premier bloc", en = "My first block" { "}" }
        [summary] Ajoute un résumé d’une phrase dans les deux langues : summary = { "{" } fr = "…", en = "…" { "}" }
        [ages] Ajoute les âges visés, du plus jeune au plus âgé : ages = [8, 12]
        [duration] Ajoute la durée de la séance en minutes : duration = 60
        [objectives] Ajoute au moins un bloc [[objectives]] avec un id, un texte (text) et un indice (hint).
       *[other] Ajoute « { $key } » à cet objectif (un objectif a besoin d’un id, d’un texte et d’un indice).
    }
MT1903 = « { $key } » contient une valeur du mauvais genre.
MT1903-help = { $expected ->
        [text] Écris un texte entre guillemets, par exemple : { $key } = "minetest_game"
        [number] Écris un nombre sans guillemets, par exemple : { $key } = 60
        [two-numbers] Écris deux nombres entre crochets, le plus jeune d’abord : { $key } = [8, 12]
        [fr-en] Écris le texte dans les deux langues : { $key } = { "{" } fr = "…", en = "…" { "}" }
        [objectives] Écris chaque objectif dans un bloc [[objectives]].
       *[text-list] Écris une liste de noms de describe entre crochets : { $key } = ["block"]
    }
MT1904 = « { $key } » n’a pas de texte en { $lang ->
        [fr] français
       *[en] anglais
    } : chaque leçon est écrite en français et en anglais.
MT1904-help = Ajoute { $lang } = "…" dans « { $key } ».
MT1905 = La valeur de « { $key } » ne convient pas : { $why ->
        [ages] les âges vont de 5 à 99 ans, le plus jeune d’abord.
        [duration] une séance dure entre 10 et 600 minutes.
        [id] un identifiant n’utilise que des petites lettres (a-z), des chiffres, « - » et « _ ».
        [preset] mtedu ne connaît que le réglage de monde « classroom ».
       *[empty] elle est vide.
    }
MT1905-help = { $why ->
        [ages] Écris par exemple : ages = [8, 12]
        [duration] Écris le nombre de minutes, par exemple : duration = 60
        [id] Écris par exemple : id = "premier-bloc"
        [preset] Écris preset = "classroom", ou enlève la ligne.
       *[empty] Écris quelque chose dedans, ou enlève-la.
    }
MT1906 = Deux objectifs s’appellent « { $key } » : les élèves ne pourraient pas les distinguer.
MT1906-help = Donne un autre id à cet objectif.
MT1907 = L’objectif « { $objective } » est vérifié par describe("{ $check }", …), mais aucun test du dossier checks ne l’a, alors l’objectif ne pourrait jamais être atteint.
MT1907-help = Ajoute describe("{ $check }", function() … end) dans un fichier checks/*_spec.lua, ou corrige le nom dans checks = [...].
MT1908 = Cette leçon n’a pas { $part ->
        [starter] de dossier starter : les élèves n’auraient rien pour commencer.
       *[checks] de fichier checks/*_spec.lua : ses objectifs ne peuvent pas être vérifiés.
    }
MT1908-help = { $part ->
        [starter] Crée starter/ avec le mod de départ des élèves (« mtedu new lesson NOM » en fabrique un).
       *[checks] Crée checks/objectives_spec.lua avec un bloc describe par objectif.
    }
MT1909 = Cette leçon n’a pas { $part ->
        [solution] de dossier solution : rien ne montre que ses objectifs peuvent être atteints.
       *[handout] de fiche handout.md : les élèves n’ont pas de consignes.
    }
MT1909-help = { $part ->
        [solution] Ajoute solution/, un mod terminé qui atteint tous les objectifs (les tests le vérifient).
       *[handout] Écris handout.md avec les étapes, en français et en anglais.
    }
MT1910 = lesson.toml a une clé « { $key } » que mtedu ne connaît pas, alors elle est ignorée.
MT1910-help = { $suggestion ->
        [none] Enlève-la, ou vérifie son orthographe dans docs/lessons.md.
       *[other] Voulais-tu écrire « { $suggestion } » ?
    }

## Constats : lint (MT2xxx)
MT2001 = Le jeu ne peut pas lire cette ligne. Lua dit : { $detail }
MT2001-help = Regarde cette ligne et celle juste avant : il manque souvent un mot, une parenthèse, une virgule ou un guillemet.
MT2002 = Ce « { $keyword } » n’a pas de « end », alors le jeu ne peut pas lire le fichier.
MT2002-help = Chaque « { $keyword } » a besoin de son propre « end ». Ajoute « end » sur sa propre ligne là où ce bloc doit s’arrêter.
MT2003 = Ce texte n’est pas fermé : il manque le guillemet de la fin.
MT2003-help = Ajoute le même guillemet (" ou ') à la fin du texte, sur la même ligne.
MT2004 = Ce « { $keyword } » a besoin du mot « then » après sa condition.
MT2004-help = Écris-le comme ça : { $keyword } condition then
MT2005 = Cette boucle « { $keyword } » a besoin du mot « do ».
MT2005-help = Écris-la comme ça : { $keyword } … do, puis les lignes à répéter, puis end.
MT2006 = « = » range une valeur dans une variable. Pour comparer deux valeurs, écris « == ».
MT2006-help = Remplace « = » par « == » ici.
MT2007 = Ce « { $token } » ferme quelque chose qui n’a jamais été ouvert.
MT2007-help = Enlève-le, ou regarde les lignes au-dessus : un bloc a peut-être été fermé trop tôt, ou il y a un « end » de trop.
MT2008 = Il manque une virgule à la fin de cette ligne, avant « { $next } ».
MT2008-help = Dans une table { "{" } … { "}" } (ou entre les valeurs données à une fonction), mets une virgule après chaque partie : par exemple description = "Bloc",
MT2009 = Ce commentaire commence par --[[ mais n’est jamais fermé.
MT2009-help = Ajoute ]] là où le commentaire doit s’arrêter.
MT2010 = « { $operator } » n’existe pas en Lua : le jeu ne peut pas lire cette ligne.
MT2010-help = En Lua, écris « { $lua } » à la place de « { $operator } ».
MT2011 = « else if » commence un deuxième « if », qui a besoin de son propre « end ».
MT2011-help = Écris « elseif » (en un seul mot) à la place de « else if ».
MT2012 = Cette ligne vient après « { $keyword } » (ligne { $line }), dans le même bloc : elle ne pourrait jamais s’exécuter, alors Lua refuse tout le fichier.
MT2012-help = Supprime cette ligne, ou déplace-la au-dessus du « { $keyword } » de la ligne { $line }. Rien ne peut suivre « { $keyword } » avant la fin du bloc (ou else, elseif, until).
MT2101 = « { $name } » est utilisé ici, mais rien ne lui donne de valeur : le mod va s’arrêter à cette ligne.
MT2101-help = { $suggestion ->
        [none] Vérifie l’orthographe. Si un autre mod le définit, ajoute ce mod à « depends » dans mod.conf.
       *[other] Voulais-tu écrire « { $suggestion } » ?
    }
MT2102 = Cette fonction crée la variable globale « { $name } », qui n’est déclarée nulle part ailleurs.
MT2102-help = Écris « local { $name } » en haut du fichier si seul ce fichier s’en sert, ou donne-lui une première valeur en haut du fichier.
MT2103 = « { $name } » n’existe pas dans le jeu.
MT2103-help = { $suggestion ->
        [none] Vérifie l’orthographe dans la documentation de Minetest.
       *[other] Voulais-tu écrire « { $suggestion } » ?
    }
MT2104 = « { $name } » est lu ici, mais rien ne lui donne de valeur : il vaut toujours nil (vide).
MT2104-help = { $suggestion ->
        [none] Vérifie l’orthographe, ou donne-lui une valeur avant cette ligne.
       *[other] Voulais-tu écrire « { $suggestion } » ?
    }
MT2105 = « { $name } » est utilisé dans cette fonction, mais rien ne lui donne de valeur : la fonction s’arrêtera ici quand elle sera lancée.
MT2105-help = { $suggestion ->
        [none] Vérifie l’orthographe. Si un autre mod le définit, ajoute ce mod à « depends » dans mod.conf.
       *[other] Voulais-tu écrire « { $suggestion } » ?
    }
MT2106 = « { $name } » est une ancienne façon de faire : les nouvelles versions du jeu risquent de l’enlever.
MT2106-help = Utilise { $replacement } à la place : { $target } l’a.
MT2107 = « { $name } » est utilisé ici, mais il n’est créé que plus bas, à la ligne { $line } : à cet endroit, il n’existe pas encore.
MT2107-help = Déplace les lignes qui créent « { $name } » (ligne { $line }) au-dessus de cette ligne.
MT2108 = { $name } a besoin de { $required } argument(s) ({ $arguments }), mais { $given ->
        [0] aucun n’est donné
        [1] un seul est donné
       *[other] { $given } sont donnés
    } ici : sans ceux qui manquent, elle ne peut pas faire son travail (le plus souvent, le jeu s’arrête avec une erreur sur cette ligne).
MT2108-help = Écris tous les arguments entre les parenthèses, séparés par des virgules : { $name }({ $arguments }).
MT2109 = { $name } prend au plus { $most } argument(s) ({ $arguments }), mais { $given } sont donnés ici : ceux en trop sont ignorés.
MT2109-help = Enlève les arguments en trop. Pour coller des textes, mets .. entre eux : "Bonjour " .. name.
MT2110 = « { $name } » existe à partir de { $since } ; ce mod est vérifié pour { $target }, qui ne l’a pas.
MT2110-help = Sur un serveur { $target }, le mod s’arrête à cette ligne. Si le serveur de la classe est plus récent, vérifie avec --engine { $flag } ; sinon teste d’abord qu’elle existe : if { $name } then … end.
MT2114 = « { $name } » vient du mod « { $provider } », qui n’est pas dans tes « depends » : cela marche seulement parce que le jeu charge « { $provider } » avant le tien, par hasard.
MT2114-help = Ajoute « { $provider } » à « depends » dans mod.conf (ou à « optional_depends » si ton mod marche aussi sans lui) : il sera toujours chargé avant le tien.
MT2115 = « { $name } » n’existe pas dans le jeu : ici, sa valeur est nil (vide).
MT2115-help = { $suggestion ->
        [none] Vérifie l’orthographe dans la documentation de Minetest. Pour tester s’il existe, écris « if { $name } then ».
       *[other] Voulais-tu écrire « { $suggestion } » ?
    }
MT2201 = « { $name } » est créé ici mais n’est jamais utilisé.
MT2201-help = Enlève-le, ou vérifie que tu ne l’as pas mal écrit là où tu voulais t’en servir.
MT2202 = L’argument « { $name } » n’est jamais utilisé dans cette fonction.
MT2202-help = Si c’est voulu, renomme-le « _{ $name } ».
MT2203 = Ce « { $name } » cache l’autre « { $name } » créé à la ligne { $line }.
MT2203-help = Donne-lui un autre nom, pour que l’on sache lequel est utilisé.
MT2301 = « { $field } » n’est pas un champ connu du jeu. Voulais-tu écrire « { $suggestion } » ?
MT2301-help = Écris « { $suggestion } » à la place, sinon le jeu ignorera cette ligne.
MT2302 = « { $field } » doit être { $expected ->
        [table] une table, écrite avec {"{"} {"}"}
        [text] un texte, écrit entre guillemets
        [function] une fonction
       *[number] un nombre
    }.
MT2302-help = { $field ->
        [groups] Par exemple : groups = {"{"} cracky = 3 {"}"}
       *[other] Regarde comment « { $field } » est écrit dans les exemples ou la documentation.
    }
MT2303 = « { $value } » n’est pas une valeur connue du jeu pour « { $field } ».
MT2303-help = { $suggestion ->
        [none] Choisis parmi : { $allowed }
       *[other] Voulais-tu écrire « { $suggestion } » ? Les choix possibles sont : { $allowed }
    }
MT2304 = Le jeu n’utilise pas le champ « { $field } » dans { $function } ; seul ton code (ou un autre mod) peut le lire.
MT2304-help = Si c’est une information à toi, commence son nom par « _ » (par exemple « _{ $field } »). Sinon, vérifie l’orthographe.
MT2305 = { $field ->
        [none] Cette commande de chat n’a pas de « func » : la taper ferait planter le serveur.
       *[other] Cette commande de chat n’a pas de « func » : « { $field } » doit s’appeler « func », sinon taper la commande ferait planter le serveur.
    }
MT2305-help = Ajoute func = function(name, param) … return true, "message" end pour dire ce que fait la commande.
MT2306 = Cette ligne de la recette a { $count } objet(s), mais les autres lignes en ont { $expected } : le jeu refuse une recette dont les lignes n’ont pas toutes la même longueur, et arrête le mod.
MT2306-help = Donne { $expected } objets à cette ligne. Pour une case vide, écris "" (deux guillemets), comme "default:stick", "", "default:stick".
MT2307 = « { $value } » pour « { $field } » existe à partir de { $since } ; ce mod est vérifié pour { $target }, qui ne le connaît pas et utilise « none » : le bloc ne tournera pas.
MT2307-help = Si le serveur de la classe est plus récent, vérifie avec --engine { $flag } ; sinon écris « { $older } », que { $target } connaît.
MT2401 = Aucun mod n’a de texture nommée « { $name } » : le jeu affichera un damier noir et blanc à la place.
MT2401-help = Mets une image appelée « { $name } » dans le dossier « textures » de ton mod, ou corrige le nom (les majuscules comptent).
MT2402 = La recette utilise « { $name } », mais aucun mod ne crée d’objet de ce nom : la recette ne marchera jamais.
MT2402-help = Vérifie l’orthographe (par exemple « default:stone »), ou ajoute le mod qui le fabrique à « depends » dans mod.conf.
MT2403 = Cette commande demande le privilège « { $name } », mais aucun mod ne le crée : personne ne pourra s’en servir.
MT2403-help = Utilise un privilège qui existe (comme « interact » ou « server »), ou crée-le avec minetest.register_privilege("{ $name }", …).
MT2404 = mod.conf dit que ce mod s’appelle « { $name } », mais son dossier et son code utilisent « { $folder } » (comme « { $registered } »). Le jeu croit mod.conf, donc il refuse « { $registered } ».
MT2404-help = Écris « name = { $folder } » dans mod.conf, pour que le nom du mod soit le même que celui de son dossier et de son code.
MT2405 = Aucun mod n’enregistre « { $name } », donc cette comparaison n’est jamais vraie (ou, avec ~=, toujours vraie). Voulais-tu dire « { $suggestion } » ?
MT2405-help = Vérifie l’orthographe : écris « { $suggestion } » si c’est le bloc ou l’objet que tu veux dire.
MT2406 = La recette utilise « { $name } », mais aucun mod chargé ne le crée : la recette ne marche que si un mod qui ajoute cet objet est installé.
MT2406-help = Si l’objet vient d’un autre mod, mets ce mod dans « optional_depends » et essaie la recette avec lui ; sinon, vérifie l’orthographe.

## Findings: what the code means (MT25xx)
MT2501 = Aucun outil ne peut creuser « { $name } », même pas la main : le bloc n’a pas de groupes, alors une fois posé on ne peut plus jamais le reprendre.
MT2501-help = Donne-lui des groupes qui disent comment le creuser, comme groups = {"{"} cracky = 3 {"}"} (à la pioche, comme la pierre), {"{"} choppy = 2 {"}"} (à la hache, comme le bois), {"{"} crumbly = 3 {"}"} (à la pelle, comme la terre) ou {"{"} oddly_breakable_by_hand = 3 {"}"} (à la main). Si personne ne doit jamais le creuser, écris diggable = false.
MT2502 = { $why ->
        [negative] Un light_source plus petit que 0 ({ $value }) ne fait pas de nuit : le jeu le lit comme la lumière la plus forte, 14.
       *[high] La lumière d’un bloc va jusqu’à 14, pas plus : le jeu change light_source = { $value } en 14 (et écrit un avertissement).
    }
MT2502-help = Donne à light_source un nombre entier de 0 (pas de lumière) à 14 (le plus fort, comme une lampe en mese).
MT2503 = Un ABM avec interval = { $value } ne tourne pas sans arrêt : le jeu ne regarde les ABM qu’une fois par seconde, alors celui-ci tourne une fois par seconde, comme avec interval = 1.
MT2503-help = Écris combien de secondes attendre entre deux passages, 1 ou plus, comme interval = 1. Pour faire quelque chose à chaque pas du jeu, utilise minetest.register_globalstep.
MT2504 = « { $name } » est enregistré deux fois, ici et { $file ->
        [same] à la ligne { $line }
       *[other] dans { $file }, ligne { $line }
    } : le jeu ne garde que le dernier enregistré, sans rien dire, et oublie l’autre.
MT2504-help = Donne à chaque chose son propre nom (par exemple « { $name }_2 »), ou efface l’enregistrement dont tu ne veux plus.
MT2505 = « { $name } == { $value } » compare « { $name } » avec { $value } (ça donne vrai ou faux) : ce tableau n’a donc pas de groupe « { $name } », et le jeu refuse ces groupes et ne démarre pas.
MT2505-help = Écris un seul signe égal pour donner sa valeur au groupe : { $name } = { $value }.
MT2506 = « { $object }.{ $method }(…) » est appelée avec un point : { $object } est un objet du jeu, et le point ne le donne pas à { $method }, alors le jeu s’arrête sur cette ligne quand elle s’exécute.
MT2506-help = Écris { $object }:{ $method }(…) avec deux-points : les deux-points donnent { $object } à { $method }.
MT2507 = « { $field } = { $base }.item_eat » donne au jeu la fonction qui fabrique une fonction pour manger, pas une fonction qui mange : quand un joueur utilise cet objet, le serveur s’arrête.
MT2507-help = Appelle-la avec les points de vie à rendre : { $field } = { $base }.item_eat(2) (2, c’est un cœur).
MT2508 = Ce + additionne le texte { $text } : en Lua, + n’additionne que des nombres, alors cette ligne arrête le jeu quand elle s’exécute.
MT2508-help = Pour coller des morceaux de texte, utilise .. au lieu de +, comme "Salut " .. name.
MT2509 = Cette commande prépare le message « { $name } » mais ne le renvoie jamais : le joueur qui tape la commande ne voit rien.
MT2509-help = Termine la fonction par return true, { $name } pour que le jeu montre le message au joueur.
MT2510 = « { $name } » est créé avec local plus bas, à la ligne { $line }, sous cette fonction : la fonction ne le voit pas, alors ici « { $name } » est une autre variable, vide (nil).
MT2510-help = Remonte la ligne « local { $name } … » (ligne { $line }) au-dessus de cette fonction : en haut du fichier.

## Constats : le moteur charge les mods (MT3xxx)
MT3001 = Le jeu ne peut pas lire ce fichier. Lua dit : { $detail }
MT3001-help = Regarde cette ligne et celle juste avant : il manque souvent un « end », un « then », un « do », une parenthèse ou un guillemet.
MT3002 = Cette ligne arrête le mod « { $mod } » pendant son chargement, alors le jeu ne démarre pas : { explain-what }
MT3002-help = { explain-fix }
MT3003 = { $stops ->
        [start] Le jeu ne démarre pas : le mod « { $mod } » a besoin de « { $missing } », { $why ->
            [skipped] qui ne peut pas se charger non plus.
           *[absent] qui n’est pas là.
        }
       *[mod] Le jeu saute le mod « { $mod } » parce qu’il a besoin de « { $missing } », { $why ->
            [skipped] que le jeu saute aussi.
           *[absent] qui n’est pas là.
        }
    }
MT3003-help = { $why ->
        [skipped] Répare d’abord « { $missing } » (regarde son propre message) : ensuite ce mod se chargera aussi.
       *[absent] Installe « { $missing } », ou enlève-le de « depends » dans mod.conf.
    }
MT3004 = mtedu ne sait pas encore essayer cette partie : { $name } n’est pas simulé, donc la suite de « { $mod } » n’a pas été vérifiée.
MT3004-help = Ce n’est pas ton erreur. Pour l’instant, teste cette partie dans le vrai jeu (mtedu serve).
MT3005 = Ce code ne se termine jamais : il tournait encore après { $seconds } secondes.
MT3005-help = Cherche une boucle qui ne s’arrête jamais, comme « while true do … end » ou un « repeat … until » dont la condition n’est jamais vraie.
MT3006 = Ce code utilise trop de mémoire (plus de { $megabytes } Mo).
MT3006-help = Cherche une boucle qui ajoute sans arrêt des choses dans une table ou un texte.
MT3007 = Le jeu refuse de charger le mod « { $name } » : son nom ne peut contenir que des lettres minuscules de a à z, des chiffres et _.
MT3007-help = Renomme le mod (son dossier, ou « name = » dans mod.conf) avec seulement des minuscules, des chiffres et _.
MT3008 = Le nom « { $name } » doit commencer par « { $prefix } », le nom de ton mod.
MT3008-help = Écris « { $fixed } » à la place.
MT3010 = Cette fonction crée la variable globale « { $name } » sans la déclarer.
MT3010-help = Mets « local { $name } » avant la fonction si seul ce fichier s’en sert, ou crée-la en haut du fichier.
MT3011 = « { $name } » est utilisé ici mais n’a jamais reçu de valeur.
MT3011-help = Vérifie l’orthographe : c’est peut-être une variable ou une fonction au nom un peu différent.
MT3012 = Le nom « { $name } » contient un caractère que le jeu refuse : { $bad }. Après le nom du mod et « : », un nom ne peut contenir que des lettres sans accent (de a à z, de A à Z), des chiffres et _.
MT3012-help = Écris « { $fixed } » à la place.
MT3501 = { play-when }, cette ligne arrête le jeu : { explain-what }
MT3501-help = { explain-fix }
MT3502 = { play-when }, ce code ne s’arrête jamais : le jeu se bloquerait.
MT3502-help = Vérifie que chaque boucle (while, repeat, for) s’arrête à un moment.

## Constats : pack et install (MT4xxx)
MT4001 = Rien n’a été empaqueté : le paquet a des erreurs (montrées dans cette liste).
MT4001-help = Corrige ces erreurs, vérifie avec « mtedu check », puis empaquette de nouveau.
MT4002 = Ce dossier n’est pas un paquet : { $count ->
        [1] il en contient un, dans un dossier à l’intérieur ({ $names })
       *[other] il en contient { $count } ({ $names })
    }.
MT4002-help = Une archive contient un seul paquet. Donne le dossier de l’un d’eux, par exemple « mtedu pack { $first } », ou fais-en un pack de mods (ajoute un modpack.conf) pour les empaqueter ensemble.
MT4003 = { $programs ->
        [none] Ce fichier a changé pendant l’empaquetage du monde : le jeu tourne sans doute dessus.
       *[other] Ce monde est ouvert dans un autre programme ({ $programs }), ses bases de données sont peut-être à moitié enregistrées.
    }
MT4003-help = Arrête le serveur (ou quitte le monde dans le jeu), attends quelques secondes, puis empaquette de nouveau.
MT4004 = { $why ->
        [errors] Une fois empaqueté, le paquet a des erreurs (montrées dans cette liste) : un fichier nécessaire a sans doute été écarté par .gitignore ou .mteduignore.
       *[other] L’archive relue après l’écriture ne correspond pas au paquet ({ $detail }). Elle n’a pas été gardée.
    }
MT4004-help = { $why ->
        [errors] Vérifie les fichiers .gitignore et .mteduignore du paquet : ils ne doivent pas écarter des fichiers dont le paquet a besoin.
       *[other] Recommence ; si cela se reproduit, vérifie le disque (est-il plein ?) et que rien ne modifie les fichiers pendant l’empaquetage.
    }
MT4005 = Ce paquet n’a pas de fichier de licence : ContentDB (le site web où l’on partage les mods Minetest) le refusera et personne n’a le droit de le réutiliser.
MT4005-help = Ajoute un fichier LICENSE.txt qui dit comment les autres peuvent utiliser ce travail (par exemple MIT pour le code, CC BY-SA pour les images et les sons).
MT4006 = Ce paquet n’a pas de screenshot.png, l’image montrée dans l’onglet Contenu du jeu et sur ContentDB (le site web où l’on partage les mods Minetest).
MT4006-help = Fais une capture d’écran dans le jeu (F12), recadre-la à environ 300×200 pixels et enregistre-la sous le nom screenshot.png dans le dossier du paquet.
MT4007 = L’archive pèse { $size } Mo, plus que les { $limit } Mo acceptés par ContentDB (le site web où l’on partage les mods Minetest).
MT4007-help = Réduis les grosses textures et les sons (moins de pixels, sons .ogg de qualité plus basse), ou découpe le paquet en plusieurs.
MT4008 = Le mod « { $mod } » activé par ce monde a été copié dans le dossier worldmods/ de l’archive (depuis { $from }) : le monde fonctionnera sur un autre PC.
MT4008-help = Rien à faire. Pour empaqueter le monde sans lui, désactive le mod dans world.mt.
MT4009 = world.mt indique « { $key } = { $value } » : ces données sont dans un serveur de base de données, pas dans le dossier du monde, alors elles ne sont pas dans l’archive.
MT4009-help = Pour partager tout le monde, passe-le d’abord en sqlite3 (avec les options « --migrate » du jeu), ou copie cette base de données à part.
MT4010 = Impossible de lire ou d’écrire ceci : { pack-io-reason }.
MT4010-help = Vérifie que le dossier de l’archive existe et que tu as le droit d’y écrire, que le disque n’est pas plein, et que les fichiers du paquet sont lisibles.
MT4011 = L’archive serait écrite dans le paquet qu’elle empaquette : elle s’empaquetterait elle-même (et pourrait écraser un de ses fichiers).
MT4011-help = Écris l’archive en dehors du dossier du paquet, par exemple « -o ../{ $name }.zip ».
MT4012 = Ce fichier existe déjà et n’est pas une archive zip : mtedu n’écrit jamais par-dessus.
MT4012-help = Choisis un autre nom avec -o, par exemple « -o { $name }.zip », ou déplace d’abord ce fichier si tu veux vraiment ce nom.
MT4013 = Ce monde se joue avec le jeu « { $game } », installé sur ce PC (depuis { $from }) : il a été copié dans l’archive comme dossier « game » propre au monde, pour que le monde marche sur un PC qui ne l’a pas.
MT4013-help = Rien à faire. La licence du jeu doit permettre de le partager : vérifie-la avant de donner l’archive.
MT4014 = Ce monde se joue avec le jeu « { $game } », fourni avec le moteur du jeu : il n’est pas dans l’archive.
MT4014-help = Rien à faire si les autres PC ont la même version de Minetest / Luanti avec « { $game } » (vérifie avec « mtedu doctor »).
MT4015 = Arrêté comme tu l’as demandé (Ctrl-C) : rien n’a été écrit et les fichiers temporaires ont été supprimés.
MT4015-help = Relance la même commande quand tu es prêt ; elle repart du début.
MT4016 = Ceci est un lien vers { $target }, en dehors du paquet : ce fichier ou dossier est mis dans l’archive sous forme de copie.
MT4016-help = Vérifie que tu veux vraiment le partager. Sinon, supprime le lien ou ajoute-le dans .mteduignore.
MT4017 = Ce lien pointe vers { $target }, qui n’existe pas.
MT4017-help = Supprime le lien, ou fais-le pointer vers un fichier ou dossier qui existe, puis recommence.
MT4101 = Ce fichier ne peut pas servir d’archive zip : { $why ->
        [not-zip] ce n’est pas une archive zip, ou bien sa fin manque (elle est incomplète)
        [contents] sa table des matières est abîmée
        [larger] « { $entry } » contient plus que ce que dit l’archive
        [smaller] « { $entry } » contient moins que ce que dit l’archive
        [data] les données de « { $entry } » sont abîmées
       *[read] il n’a pas pu être lu ({ pack-io-reason })
    }.
MT4101-help = Télécharge ou copie l’archive de nouveau ; si elle vient d’une clé USB, vérifie que la copie était terminée.
MT4102 = L’archive veut écrire « { $entry } », en dehors du dossier où elle est installée. C’est ainsi que des archives malveillantes attaquent un PC.
MT4102-help = N’utilise pas cette archive. Récupère le paquet à une source de confiance, comme content.luanti.org.
MT4103 = L’archive contient « { $entry } », un lien ou un fichier spécial, qui pourrait pointer n’importe où sur le PC.
MT4103-help = N’utilise pas cette archive. Un paquet n’a jamais besoin de liens : récupère-le à une source de confiance.
MT4104 = Une fois décompressée, cette archive prendrait { $size } Mo, plus que la limite de { $limit } Mo.
MT4104-help = Si tu as confiance dans cette archive et qu’elle est vraiment aussi grosse (un grand monde), relance l’installation avec une valeur --max-size plus grande.
MT4105 = « { $entry } » est bien plus compressé que n’importe quel vrai fichier : cette archive est une « bombe zip », faite pour remplir le disque.
MT4105-help = N’utilise pas cette archive. Supprime-la.
MT4106 = Cette archive contient { $count } éléments, plus que les { $limit } d’un vrai paquet.
MT4106-help = N’utilise pas cette archive : elle est sans doute faite pour ralentir le PC. Récupère le paquet à une source de confiance.
MT4107 = Le nom « { $entry } » est utilisé deux fois dans l’archive (ou à la fois comme fichier et comme dossier) : l’un écraserait l’autre.
MT4107-help = L’archive est abîmée ou malveillante. Récupère de nouveau le paquet à sa source.
MT4108 = « { $entry } » et « { $other } » ne diffèrent que par des majuscules : sous Windows et macOS l’un écrase l’autre, et le jeu risque de charger le mauvais.
MT4108-help = Renomme l’un des deux fichiers (de préférence tout en minuscules) et refais l’archive.
MT4109 = Le nom « { $entry } » n’est pas du texte lisible (pas de l’UTF-8) : il serait mal écrit.
MT4109-help = Renomme le fichier avec des lettres simples (a-z, 0-9, _ et -), ou refais l’archive avec un outil qui écrit les noms en UTF-8.
MT4110 = Aucun mod, pack de mods, jeu, monde ou pack de textures n’a été trouvé dedans.
MT4110-help = Un mod a un init.lua ou un mod.conf, un jeu un game.conf, un monde un world.mt, un pack de textures un texture_pack.conf. Un dossier de leçon doit d’abord être empaqueté avec « mtedu pack ».
MT4111 = « { $name } » est déjà installé ici.
MT4111-help = Pour le remplacer, relance l’installation avec --force : la version installée est gardée comme sauvegarde.
MT4112 = Aucun dossier Minetest ou Luanti n’a été trouvé pour cet utilisateur (~/.minetest, ~/.luanti ou celui de flatpak).
MT4112-help = Lance le jeu une fois pour qu’il crée son dossier, ou indique où installer avec --to, par exemple « --to ~/.minetest ».
MT4113 = Rien n’a été installé : le paquet a des erreurs (montrées dans cette liste).
MT4113-help = Transmets les erreurs à l’auteur du paquet, ou corrige-les dans une copie et installe ce dossier.
MT4114 = « { $entry } » est chiffré, découpé en plusieurs fichiers, ou compressé d’une façon que mtedu ne lit pas (seulement « deflate » et « stored »).
MT4114-help = Refais l’archive avec un outil zip ordinaire, sans mot de passe.
MT4115 = L’installation a échoué pendant l’écriture : { pack-io-reason }. Rien n’est resté à moitié installé.
MT4115-help = Vérifie que tu as le droit d’écrire dans le dossier du jeu et que le disque n’est pas plein, puis recommence.
MT4116 = La version qui était installée a été déplacée dans { $backup }.
MT4116-help = Supprime ce dossier de sauvegarde une fois que la nouvelle version fonctionne.
MT4117 = Le monde « { $name } » est ouvert dans un autre programme ({ $programs }) : le remplacer maintenant casserait la partie qui tourne dessus et perdrait ce qu’elle enregistre ensuite.
MT4117-help = Arrête le serveur (ou quitte le monde dans le jeu), attends quelques secondes, puis installe de nouveau avec --force.
MT4118 = Ceci est un lien vers { $target }, en dehors du dossier à installer : l’installation copierait des fichiers venant d’ailleurs sur ce PC.
MT4118-help = Installe plutôt l’archive faite avec « mtedu pack », ou remplace le lien par une copie de ce qu’il désigne.
MT4119 = Un mod nommé « { $mod } » est déjà installé dans { $other } : avec deux mods du même nom, le jeu n’en charge qu’un seul.
MT4119-help = Supprime ou renomme d’abord l’autre, ou relance l’installation avec --force si tu veux vraiment les deux.

## L’explication des erreurs Lua (src/engine/explain) : choisie par $shape

explain-subject = { $kind ->
        [local] la variable « { $name } »
        [global] la variable « { $name } »
        [upvalue] la variable « { $name } »
        [field] le champ « { $name } »
        [method] la méthode « { $name } »
        [constant] la valeur « { $name } »
       *[none] une valeur
    }
explain-what = { $shape ->
        [index-nil] { explain-subject } est vide (nil) : on ne peut rien lire dedans.
        [index-value] { explain-subject } est { explain-type }, pas une table : on ne peut rien lire dedans avec . ou [ ].
        [call-nil] { explain-subject } est vide (nil) : il n’y a pas de fonction de ce nom à appeler.
        [call-method-nil] cet objet n’a pas de méthode « { $name } ».
        [method-wrong-object] la valeur devant :{ $name }() n’a pas cette méthode : ce n’est pas l’objet que cette ligne croit (un joueur, un inventaire, une pile…).
        [call-typo] « { $name } » n’existe pas : le nom est mal écrit.
        [call-value] { explain-subject } est { explain-type }, pas une fonction : on ne peut pas l’appeler avec ( ).
        [arith-nil] { explain-subject } est vide (nil) : Lua ne peut pas calculer avec.
        [arith-string] { explain-subject } est du texte : Lua ne peut pas additionner ou calculer avec du texte.
        [arith-value] { explain-subject } est { explain-type }, pas un nombre : Lua ne peut pas calculer avec.
        [concat-nil] { explain-subject } est vide (nil) : impossible de la coller à un texte avec ..
        [concat-value] { explain-subject } est { explain-type } : on ne peut coller avec .. que des textes et des nombres.
        [length-nil] { explain-subject } est vide (nil) : elle n’a pas de longueur (#).
        [length-value] { explain-subject } est { explain-type } : seuls les textes et les tables ont une longueur (#).
        [compare-nil] une des deux valeurs comparées est vide (nil) ({ $value }).
        [compare] ces deux valeurs ne se comparent pas avec < ou > ({ $value }).
        [bad-argument] { $function } a reçu une mauvaise valeur en position { $number } : { $expected ->
            [none] { $got }
           *[other] elle attend { explain-expected }, elle a reçu { explain-got }
        }.
        [object-for-name] { $function } attend un nom (du texte) en position { $number }, elle a reçu un objet du jeu (un joueur ?).
        [node-name] { $function } n’a pas reçu de bloc là où il le faut : un bloc est une table avec un nom, comme {"{"}name = "default:stone"{"}"}.
        [not-a-position] { $function } attend une position {"{"}x = …, y = …, z = …{"}"}, elle a reçu { explain-type }.
        [position-coordinate] { $function } a reçu une table sans nombre « { $name } » : ce n’est pas une position (un bloc {"{"}name = …{"}"} donné à la place de pos ?).
        [not-an-item] { $function } n’a rien reçu qu’elle puisse lire comme un objet : elle attend un nom comme "default:dirt 5", une table ou un ItemStack.
        [groups-value] { $value ->
            [boolean] un groupe de « groups » vaut true ou false au lieu d’un nombre : == est écrit à la place de = (groups = {"{"}snappy == 3{"}"}).
           *[other] un groupe de « groups » a { explain-type } au lieu d’un nombre.
        }
        [groups-name] un groupe de « groups » n’a pas de nom (groups = {"{"}3{"}"}) : le moteur ne peut pas le lire.
        [groups-table] « groups » est { explain-type }, pas une table de groupes.
        [engine-call] { $function } a reçu de cette ligne { $value ->
            [nil] une valeur vide (nil)
           *[other] quelque chose
        } qu’elle ne peut pas utiliser.
        [dot-call] « { $name } » est appelée avec un point : l’objet à qui elle appartient ne lui est pas donné.
        [recursion] une fonction s’appelle elle-même encore et encore, sans fin.
        [blocked] un mod ne peut ouvrir que les fichiers de son dossier et du monde ({ $message }).
        [missing-file] un fichier que cette ligne ouvre n’existe pas ({ $message }).
        [time-out] le code ne s’arrête jamais : sûrement une boucle sans fin.
        [memory] le code prend beaucoup trop de mémoire : une table ou un texte qui grandit sans fin.
        [not-simulated] mtedu ne sait pas encore essayer { $name }.
        [own-error] le mod s’arrête avec sa propre erreur : { $message }
       *[other] Lua dit : { $message }
    }
explain-type = { $value ->
        [string] du texte
        [number] un nombre
        [table] une table
        [boolean] un booléen (true ou false)
        [function] une fonction
        [userdata] un objet du jeu
        [nil] une valeur vide (nil)
        [nothing] rien
       *[other] { $value }
    }
explain-expected = { $expected ->
        [string] du texte
        [number] un nombre
        [table] une table
        [userdata] un objet du jeu
        [ItemStack] un ItemStack
        [function] une fonction
       *[other] { $expected }
    }
explain-got = { $got ->
        [nil] une valeur vide (nil)
        [nothing] rien
        [string] du texte
        [number] un nombre
        [table] une table
        [boolean] un booléen (true ou false)
        [function] une fonction
        [userdata] un objet du jeu
       *[other] { $got }
    }
explain-fix = { $shape ->
        [index-nil] { $kind ->
            [none] Vérifie ce qui est lu sur cette ligne : une des valeurs est vide — un nom mal écrit, une fonction qui n’a rien renvoyé, ou un joueur absent.
            [field] Vérifie l’orthographe du champ « { $name } », et que la table le contient bien avant cette ligne.
           *[other] Vérifie que { explain-subject } a une valeur avant cette ligne : un nom mal écrit, une fonction qui n’a rien renvoyé, ou un joueur absent (ajoute `if not { $name } then return end`).
        }
        [index-value] Lis dans la table elle-même, ou vérifie ce que contient { explain-subject }.
        [call-nil] Vérifie l’orthographe de « { $name } », et que sa fonction est écrite plus haut que cette ligne.
        [call-method-nil] Vérifie l’orthographe de « { $name } » et que l’objet est le bon.
        [method-wrong-object] Vérifie sur quelle valeur cette ligne appelle :{ $name }(). Les valeurs d’une fonction de rappel arrivent dans un ordre fixe : dans on_punch(pos, node, puncher), le joueur est la troisième.
        [call-typo] Écris { $suggestion } à la place.
        [call-value] Enlève les ( ) ou mets le nom de la fonction.
        [arith-nil] { $kind ->
            [none] Une des valeurs de ce calcul est vide : donne-lui un nombre avant cette ligne (ou vérifie l’orthographe des noms).
           *[other] Donne un nombre à { explain-subject } avant cette ligne (ou vérifie son orthographe), par exemple `local { $name } = 0` au début.
        }
        [arith-string] Pour coller du texte, utilise .. et pas +. Pour calculer, change le texte en nombre avec tonumber(…).
        [arith-value] Mets un nombre ici : on ne peut pas additionner une table ou true/false.
        [concat-nil] { $kind ->
            [none] Une des valeurs collées avec .. sur cette ligne est vide : vérifie-la, ou écris (valeur or "") pour coller un texte vide à la place.
           *[other] Vérifie que { explain-subject } a une valeur, ou écris ({ $name } or "") pour coller un texte vide à la place.
        }
        [concat-value] Colle un texte fait à partir d’elle : pour une position, minetest.pos_to_string(pos) ; sinon tostring(…).
        [length-nil] Vérifie que { explain-subject } a une valeur avant d’utiliser # dessus.
        [length-value] N’utilise # que sur une table ou un texte.
        [compare-nil] Vérifie que les deux valeurs existent avant de les comparer (l’une est souvent un nom mal écrit).
        [compare] Compare des nombres avec des nombres : change un texte en nombre avec tonumber(…).
        [bad-argument] { $signature ->
            [none] Vérifie ce que cette ligne donne à { $function }, dans le bon ordre.
           *[other] Le bon ordre est { $signature }.
        }
        [engine-call] { $signature ->
            [none] Vérifie ce que cette ligne donne à { $function }, dans le bon ordre.
           *[other] Le bon ordre est { $signature }.
        }
        [object-for-name] Donne son nom : joueur:get_player_name() au lieu de joueur.{ $signature ->
            [none] {""}
           *[other] {" "}Le bon ordre est { $signature }.
        }
        [node-name] { $signature ->
            [none] Donne-lui un bloc comme {"{"}name = "default:stone"{"}"}.
           *[other] Le bon ordre est { $signature } : la position d’abord, puis le bloc {"{"}name = "…"{"}"}.
        }
        [not-a-position] { $signature ->
            [none] Donne-lui une position : le pos reçu par la fonction, ou vector.new(x, y, z).
           *[other] Donne-lui une position (le pos reçu par la fonction, ou vector.new(x, y, z)) : le bon ordre est { $signature }.
        }
        [position-coordinate] { $signature ->
            [none] Donne-lui la position (pos, avec x, y et z), pas le bloc.
           *[other] Donne-lui la position (pos, avec x, y et z), pas le bloc : le bon ordre est { $signature }.
        }
        [not-an-item] { $signature ->
            [none] Donne-lui aussi l’objet, par exemple "default:dirt".
           *[other] Le bon ordre est { $signature } : donne aussi l’objet, par exemple "default:dirt".
        }
        [groups-value] Écris chaque groupe avec un nom, =, puis un nombre : groups = {"{"}snappy = 3, oddly_breakable_by_hand = 1{"}"}.
        [groups-name] Écris chaque groupe avec un nom, =, puis un nombre : groups = {"{"}cracky = 3{"}"}.
        [groups-table] Écris les groupes dans des accolades : groups = {"{"}cracky = 3{"}"}.
        [dot-call] Écris :{ $name }( au lieu de .{ $name }( pour que l’objet soit donné avec.
        [recursion] Vérifie que la fonction arrête de s’appeler à un moment.
        [blocked] Vérifie le chemin : utilise minetest.get_modpath(…) .. "/fichier" sans oublier le « / ».
        [missing-file] Vérifie le nom du fichier, ou crée le fichier.
        [time-out] Vérifie que chaque boucle (while, repeat, for) s’arrête à un moment.
        [memory] Vérifie que la boucle qui remplit une table ou un texte s’arrête.
        [not-simulated] Essaie-le dans le jeu avec mtedu serve.
        [own-error] Lis le message du mod : il dit ce qui ne va pas.
       *[other] Lis le message de Lua : il dit ce qui ne va pas sur cette ligne. Corrige-le, enregistre et réessaie.
    }

## Le jeu pour un moment : ce que check fait avec le mod ($when)

play-when = { $when ->
        [place-node] Quand un joueur pose le bloc « { $subject } »
        [punch-node] Quand un joueur tape le bloc « { $subject } »
        [rightclick-node] Quand un joueur fait un clic droit sur le bloc « { $subject } » la main vide
        [rightclick-node-item] Quand un joueur fait un clic droit sur le bloc « { $subject } » en tenant un objet
        [dig-node] Quand un joueur creuse le bloc « { $subject } »
        [node-timer] Quand le minuteur du bloc « { $subject } » sonne
        [node-fields] Quand un joueur ferme le formulaire du bloc « { $subject } »
        [node-fields-empty] Quand le formulaire du bloc « { $subject } » n’envoie rien
        [node-inventory] Quand un joueur met un objet dans le bloc « { $subject } »
        [remove-node] Quand le bloc « { $subject } » est enlevé
        [use-node] Quand un joueur utilise « { $subject } » sur un bloc
        [use-nothing] Quand un joueur utilise « { $subject } » en visant le ciel
        [use-object] Quand un joueur utilise « { $subject } » sur un autre joueur
        [place-item] Quand un joueur pose « { $subject } » sur un bloc
        [secondary-nothing] Quand un joueur fait un clic droit avec « { $subject } » en visant le ciel
        [secondary-object] Quand un joueur fait un clic droit avec « { $subject } » sur un autre joueur
        [command-empty] Quand quelqu’un tape /{ $subject } sans rien après
        [command-word] Quand quelqu’un tape /{ $subject } { $param }
        [command-number] Quand quelqu’un tape /{ $subject } { $param }
        [command-player] Quand quelqu’un tape /{ $subject } { $param } (le nom d’un joueur)
        [playing] Pendant que le jeu tourne avec un joueur connecté
        [join] Quand un joueur arrive
        [leave] Quand un joueur s’en va
        [die] Quand un joueur meurt
        [respawn] Quand un joueur revient à la vie
        [form] Quand un joueur ferme le formulaire « { $subject } »
        [form-field] Quand un joueur clique un bouton du formulaire « { $subject } »
        [abm] Quand l’action automatique sur « { $subject } » se déclenche
        [lbm] Quand un bloc « { $subject } » est chargé
        [entity-activate] Quand l’entité « { $subject } » apparaît
        [entity-step] Pendant que l’entité « { $subject } » vit
        [entity-punch] Quand un joueur frappe l’entité « { $subject } »
        [entity-rightclick] Quand un joueur fait un clic droit sur l’entité « { $subject } »
        [hp-change] Quand la vie d’un joueur change
        [craft] Quand un joueur fabrique un objet
       *[other] Pendant le jeu
    }
label-detail = Lua dit : { $detail }
class-showcase-included = ✓ { $pupil } : { $mod } est dans le monde (sous le nom { $name }).
class-showcase-broken = ✗ { $pupil } : { $mod } est laissé de côté, il a une erreur en { $place } : { $message }
class-showcase-clash = ✗ { $pupil } : { $mod } est laissé de côté : il enregistre { $name }, comme le fait déjà le mod de l’élève { $other }. Donnez-lui un autre nom dans le code de l’élève.
class-showcase-renamed-fails = ✗ { $pupil } : { $mod } est laissé de côté : il ne se charge pas sous le nom { $name }. Cherchez les endroits où son code écrit son propre nom en morceaux.
class-showcase-no-mod = ✗ { $pupil } : il n’y a pas de mod dans le dossier de cet élève.
class-showcase-backup = Le monde qui était là est gardé dans « { $path } ».
class-showcase-done = Le monde de la fin de séance « { $world } » est prêt avec { $count } mods sur { $total }. Pour y jouer : mtedu serve --world { $world } — pour le partager : mtedu pack { $world }
help-cmd-class-showcase = La fin de la séance : un seul monde avec le mod de chaque élève qui se charge.
help-arg-class-showcase-dir = Le dossier de la classe (sinon : ce dossier).
help-arg-class-showcase-world = Le monde à créer (sinon : DIR-showcase, à côté du dossier de la classe ; un monde déjà là est gardé en sauvegarde).
help-arg-class-showcase-server = Le programme serveur pour lequel les mods sont vérifiés (sinon : celui de class.toml, ou celui que trouve mtedu doctor).
class-push-name-taken = Le nom « { $name } » est déjà utilisé depuis un autre PC de la classe : rien n’a été changé. Vérifie que tu as tapé ton propre nom ; si tu as changé de PC, demande à ton animateur de cliquer sur « Nouveau PC » sur ta ligne.
class-join-key-not-kept = Le PC de la classe a donné ta clé à ce PC, mais elle n’a pas pu être gardée dans « { $path } » ({ $error }) : ta prochaine sauvegarde sera refusée. Préviens ton animateur.
class-page-intruder = Un autre PC ({ $address }) a essayé d’envoyer du travail au nom de { $name } à { $at } : refusé. Si { $name } a changé de PC, cliquez sur « Nouveau PC ».
class-page-new-pc = Nouveau PC
class-action-new-pc = { $pupil } peut maintenant envoyer son travail depuis un nouveau PC (l’ancien est refusé à partir de maintenant).
