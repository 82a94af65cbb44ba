-- {{ modname }}: {{ about }}

-- {{ say("S traduit les textes : voir locale/" ~ modname ~ ".fr.tr.", "S translates texts: see locale/" ~ modname ~ ".fr.tr.") }}
local S = minetest.get_translator("{{ modname }}")

{{ modname }} = {}

-- {{ say("La vitesse du monstre, en blocs par seconde.", "The mob's speed, in blocks per second.") }}
{{ modname }}.speed = 1

-- {{ say("Une entité : un objet qui bouge tout seul dans le monde.", "An entity: a thing that moves by itself in the world.") }}
minetest.register_entity("{{ modname }}:mob", {
	initial_properties = {
		-- {{ say("Il a la forme d'un cube, avec l'image sur chaque face.", "It is shaped like a cube, with the picture on each side.") }}
		visual = "cube",
		textures = { "{{ texture }}", "{{ texture }}", "{{ texture }}", "{{ texture }}", "{{ texture }}", "{{ texture }}" },
		physical = true,
		collisionbox = { -0.4, -0.5, -0.4, 0.4, 0.3, 0.4 },
		hp_max = 10,
	},
	-- {{ say("Le temps depuis son dernier changement de direction.", "The time since it last changed direction.") }}
	timer = 0,

	-- {{ say("on_step tourne plusieurs fois par seconde. dtime : le temps écoulé.", "on_step runs many times a second. dtime: the time that has passed.") }}
	on_step = function(self, dtime)
		self.timer = self.timer + dtime
		if self.timer < 2 then
			return
		end
		self.timer = 0
		-- {{ say("Toutes les 2 secondes, il choisit une direction au hasard.", "Every 2 seconds, it picks a direction at random.") }}
		local angle = math.random() * math.pi * 2
		local speed = {{ modname }}.speed
		self.object:set_yaw(angle)
		self.object:set_velocity({ x = -math.sin(angle) * speed, y = -1, z = math.cos(angle) * speed })
	end,
})

-- {{ say("Un œuf : clic droit sur le sol pour faire apparaître le monstre.", "An egg: right-click the ground to make the mob appear.") }}
minetest.register_craftitem("{{ modname }}:egg", {
	description = S("Mob egg"),
	inventory_image = "{{ texture }}",
	on_place = function(itemstack, placer, pointed_thing)
		if pointed_thing.type == "node" then
			minetest.add_entity(pointed_thing.above, "{{ modname }}:mob")
			itemstack:take_item()
		end
		return itemstack
	end,
})
