-- walking_pig: a pig that walks around by itself.
--
-- An entity is a thing that moves in the world (not a node). The engine
-- calls its functions:
-- - on_activate when it appears (or comes back when its area loads);
-- - on_step many times a second, with the time passed (dtime);
-- - on_punch when a player hits it, on_rightclick on a right-click;
-- - get_staticdata when it is saved, to remember its health.
-- A spawn egg puts a pig in the world; pork can be cooked and eaten.

-- S translates texts: see locale/walking_pig.fr.tr.
local S = minetest.get_translator("walking_pig")

walking_pig = {}

-- Speeds, in nodes per second.
walking_pig.WALK_SPEED = 1
walking_pig.FLEE_SPEED = 4
-- Seconds between two decisions of a pig (stand still or walk somewhere).
walking_pig.DECIDE_EVERY = 3
-- Seconds a punched pig runs away.
walking_pig.FLEE_TIME = 3
-- How strongly pigs fall (the same as players).
walking_pig.GRAVITY = 9.81
walking_pig.HP_MAX = 8
-- What a pig likes to eat, and the health it gets back.
walking_pig.FOOD = "default:apple"
walking_pig.FOOD_HEALS = 2

-- The pig: a pink cube with a face on its front.
minetest.register_entity("walking_pig:pig", {
	initial_properties = {
		hp_max = walking_pig.HP_MAX,
		physical = true,
		collide_with_objects = true,
		collisionbox = { -0.4, -0.5, -0.4, 0.4, 0.3, 0.4 },
		visual = "cube",
		visual_size = { x = 0.8, y = 0.8 },
		-- Top, bottom, right, left, back, front.
		textures = {
			"walking_pig_pig_skin.png", "walking_pig_pig_skin.png", "walking_pig_pig_skin.png",
			"walking_pig_pig_skin.png", "walking_pig_pig_skin.png", "walking_pig_pig_face.png",
		},
		makes_footstep_sound = true,
	},

	-- Each pig's own values (the engine copies them for every pig).
	timer = 0,
	flee_time = 0,
	fed = 0,

	-- staticdata: what get_staticdata returned when the pig was saved.
	on_activate = function(self, staticdata)
		local saved = minetest.deserialize(staticdata)
		-- Saved data may be empty (a new pig) or broken: start afresh then.
		if type(saved) ~= "table" then
			saved = {}
		end
		if saved.hp then
			self.object:set_hp(saved.hp)
		end
		self.fed = saved.fed or 0
		self.object:set_armor_groups({ fleshy = 100 })
		self.object:set_acceleration({ x = 0, y = -walking_pig.GRAVITY, z = 0 })
	end,

	get_staticdata = function(self)
		return minetest.serialize({ hp = self.object:get_hp(), fed = self.fed })
	end,

	on_step = function(self, dtime)
		if self.flee_time > 0 then
			self.flee_time = self.flee_time - dtime
			return
		end
		self.timer = self.timer + dtime
		if self.timer < walking_pig.DECIDE_EVERY then
			return
		end
		self.timer = 0
		-- One time in three, stand still; otherwise walk somewhere.
		if math.random(1, 3) == 1 then
			walking_pig.move(self, nil, 0)
		else
			local yaw = math.random() * 2 * math.pi
			walking_pig.move(self, minetest.yaw_to_dir(yaw), walking_pig.WALK_SPEED)
		end
	end,

	-- We work out the damage ourselves and return true, so that the engine
	-- does not hurt the pig a second time.
	on_punch = function(self, puncher, time_from_last_punch, tool_capabilities)
		local hit = minetest.get_hit_params(self.object:get_armor_groups(), tool_capabilities, time_from_last_punch)
		local hp = self.object:get_hp() - hit.hp
		if hp <= 0 then
			walking_pig.die(self)
			return true
		end
		self.object:set_hp(hp)
		if puncher and hit.hp > 0 then
			walking_pig.flee_from(self, puncher:get_pos())
		end
		return true
	end,

	on_rightclick = function(self, clicker)
		local food = clicker:get_wielded_item()
		if food:get_name() ~= walking_pig.FOOD then
			return
		end
		local hp = self.object:get_hp()
		if hp >= walking_pig.HP_MAX then
			minetest.chat_send_player(clicker:get_player_name(), S("The pig is not hungry."))
			return
		end
		self.object:set_hp(math.min(hp + walking_pig.FOOD_HEALS, walking_pig.HP_MAX))
		self.fed = self.fed + 1
		if not minetest.is_creative_enabled(clicker:get_player_name()) then
			food:take_item()
			clicker:set_wielded_item(food)
		end
	end,
})

--- Turns `pig` (an entity's self) towards `dir` and moves it at `speed` (`dir` nil: stand).
--- Its fall speed is kept, so it still falls.
function walking_pig.move(pig, dir, speed)
	local falling = pig.object:get_velocity().y
	if not dir then
		pig.object:set_velocity({ x = 0, y = falling, z = 0 })
		return
	end
	pig.object:set_yaw(minetest.dir_to_yaw(dir))
	pig.object:set_velocity({ x = dir.x * speed, y = falling, z = dir.z * speed })
end

--- Makes the pig run away from `from` for FLEE_TIME seconds.
function walking_pig.flee_from(pig, from)
	local away = vector.subtract(pig.object:get_pos(), from)
	away.y = 0
	if vector.length(away) == 0 then
		-- Punched from exactly above or below: run any way.
		away = vector.new(1, 0, 0)
	end
	walking_pig.move(pig, vector.normalize(away), walking_pig.FLEE_SPEED)
	pig.flee_time = walking_pig.FLEE_TIME
	pig.timer = 0
end

--- The pig dies: it drops 1 to 3 raw pork where it stood and disappears.
function walking_pig.die(pig)
	local pos = pig.object:get_pos()
	minetest.add_item(pos, "walking_pig:pork_raw " .. math.random(1, 3))
	pig.object:remove()
end

-- The spawn egg: use it on the ground to make a pig appear. There is no
-- recipe: it is in the creative inventory, or given with /give.
minetest.register_craftitem("walking_pig:spawn_egg", {
	description = S("Pig spawn egg"),
	inventory_image = "walking_pig_spawn_egg.png",
	on_place = function(itemstack, placer, pointed_thing)
		if pointed_thing.type ~= "node" then
			return itemstack
		end
		local name = placer and placer:get_player_name() or ""
		local pos = pointed_thing.above
		-- Somebody else's land: no pig there.
		if minetest.is_protected(pos, name) then
			minetest.record_protection_violation(pos, name)
			return itemstack
		end
		minetest.add_entity(pos, "walking_pig:pig")
		if not minetest.is_creative_enabled(name) then
			itemstack:take_item()
		end
		return itemstack
	end,
})

-- Food: item_eat makes the on_use that eats the item and heals the player.
minetest.register_craftitem("walking_pig:pork_raw", {
	description = S("Raw pork"),
	inventory_image = "walking_pig_pork_raw.png",
	on_use = minetest.item_eat(2),
})

minetest.register_craftitem("walking_pig:pork_cooked", {
	description = S("Cooked pork"),
	inventory_image = "walking_pig_pork_cooked.png",
	on_use = minetest.item_eat(6),
})

-- Cooking in a furnace: 10 seconds.
minetest.register_craft({
	type = "cooking",
	output = "walking_pig:pork_cooked",
	recipe = "walking_pig:pork_raw",
	cooktime = 10,
})
