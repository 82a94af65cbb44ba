# Messages de mtedu, en français. Chaque clé doit aussi exister dans en/mtedu.ftl.
# Les messages des constats ont pour clé leur code (MT1234), la solution est dans MT1234-help.
# Écrire pour un enfant de 10 ans : ce qui ne va pas, où, comment réparer.

## Affichage

summary-clean = Tout est bon : aucun problème trouvé.
summary-counts = { $errors ->
        [one] 1 erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] 1 avertissement
       *[other] { $warnings } avertissements
    }, { $infos ->
        [one] 1 remarque
       *[other] { $infos } remarques
    }.
label-where = où
label-help = pour réparer

## Découverte

MT0001 = « { $path } » n’existe pas.
MT0001-help = Vérifie l’orthographe du chemin, ou lance la commande depuis le dossier qui contient ton mod.
MT0002 = Aucun mod, jeu, monde ou leçon n’a été trouvé ici.
MT0002-help = Un mod est un dossier qui contient un fichier init.lua (et un mod.conf). Donne le chemin de ce dossier.
MT0003 = Le jeu « { $game } » n’est pas installé.
MT0003-help = Donne le nom d’un jeu installé (lance « mtedu doctor » pour les voir) ou le chemin d’un dossier de jeu.

## Fichiers de configuration (mod.conf, game.conf, world.mt…)

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
MT1012 = « release » est ajouté par ContentDB quand il publie ton travail.
MT1012-help = Supprime cette ligne de tes propres fichiers.
MT1013 = « name » dans game.conf est une ancienne façon de donner le titre du jeu.
MT1013-help = Écris « title = … » au lieu de « name = … ».

## Anciens fichiers

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

## Noms

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

## Dépendances

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

## Traductions

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
MT1408 = « { $file } » est un fichier gettext : seul Luanti 5.10 ou plus récent le lit, les versions plus anciennes l’ignorent.
MT1408-help = Rien à faire si tes joueurs ont Luanti 5.10 ou plus récent. Sinon, donne aussi les mêmes traductions dans un fichier .tr.
MT1409 = Ce fichier commence par des caractères invisibles (une « marque d’ordre des octets », BOM), alors le jeu lit mal la première ligne. Si c’est la ligne « # textdomain: », toutes les traductions sont perdues.
MT1409-help = Enregistre le fichier en « UTF-8 sans BOM » dans ton éditeur de texte.
MT1410 = Ce fichier n’est pas enregistré en texte UTF-8 : le jeu saute les lignes qui ont des lettres comme é ou ç.
MT1410-help = Enregistre le fichier avec l’encodage « UTF-8 » dans ton éditeur de texte.

## Réglages (settingtypes.txt)

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
MT1504 = La valeur par défaut { $value } de « { $name } » est { $max ->
        [none] plus petite que son minimum { $min }.
       *[other] en dehors de ses limites : minimum { $min }, maximum { $max }.
    }
MT1504-help = Change la valeur par défaut pour qu’elle soit entre la plus petite et la plus grande valeur permise, ou change ces limites.
MT1505 = Le réglage « { $name } » est écrit deux fois ; le premier est à la ligne { $first }.
MT1505-help = Garde une seule ligne pour « { $name } », ou donne un autre nom à l’autre réglage.
MT1506 = « { $name } » contient « secure. » dans son nom : seul le moteur du jeu a le droit d’avoir de tels réglages, alors il refuse celui-ci.
MT1506-help = Choisis un nom sans « secure. », par exemple un nom qui commence par le nom de ton mod.
MT1507 = Ce fichier commence par des caractères invisibles (une « marque d’ordre des octets », BOM), alors le menu des réglages ne peut pas lire la première ligne.
MT1507-help = Enregistre le fichier en « UTF-8 sans BOM » dans ton éditeur de texte.
MT1508 = Ce fichier n’est pas enregistré en texte UTF-8 : les lettres comme é ou ç vont mal s’afficher dans le menu des réglages.
MT1508-help = Enregistre le fichier avec l’encodage « UTF-8 » dans ton éditeur de texte.
